"""``rasa test`` on the conversation tests (real user text in English, Dutch and Turkish),
failing on any wrong intent or action prediction."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from runner.model_cache import ensure_model, rasa_env
from runner.paths import BOT_DIR, RASA_BIN

pytestmark = pytest.mark.stack


def test_conversation_stories_pass(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            str(RASA_BIN),
            "test",
            "core",
            "--model",
            str(ensure_model()),
            "--stories",
            str(BOT_DIR / "tests" / "test_conversations.yml"),
            "--endpoints",
            str(BOT_DIR / "endpoints.yml"),
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=BOT_DIR,
        env={**rasa_env(), **_offline_endpoints()},
        capture_output=True,
        text=True,
        timeout=600,
    )
    failed = (tmp_path / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + failed
    assert "story:" not in failed


def _offline_endpoints() -> dict[str, str]:
    # endpoints.yml reads these; `rasa test` keeps trackers in memory and runs no actions.
    return {
        "WELKOM_ACTION_ENDPOINT": "http://127.0.0.1:9/webhook",
        "WELKOM_REDIS_HOST": "127.0.0.1",
        "WELKOM_REDIS_PORT": "9",
        "WELKOM_REDIS_DB": "0",
        "WELKOM_REDIS_PASSWORD": "",
        "WELKOM_TRACKER_TTL_SECONDS": "60",
    }
