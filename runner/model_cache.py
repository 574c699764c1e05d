"""Training the Rasa model only when its inputs changed (content hash), with progress."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from runner.paths import BOT_DIR, RASA_BIN, REPO_ROOT, cache_dir

TRAINING_INPUTS = ("config.yml", "domain", "data")  # plus the Rasa lock and custom components
LOCK_FILE = REPO_ROOT / "requirements" / "rasa.lock"


def inputs_hash(bot_dir: Path = BOT_DIR) -> str:
    """Hash of everything that changes the trained model: config, domain, data, Rasa pins."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in TRAINING_INPUTS:
        path = bot_dir / name
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in files:
        digest.update(str(path.relative_to(bot_dir)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for path in (LOCK_FILE, *sorted((bot_dir / "components").rglob("*.py"))):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def cached_model(bot_dir: Path = BOT_DIR) -> Path:
    return cache_dir() / "models" / f"welkom-{inputs_hash(bot_dir)}.tar.gz"


def rasa_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONWARNINGS": "ignore",
        }
    )
    return env


def ensure_model(bot_dir: Path = BOT_DIR, *, force: bool = False) -> Path:
    """The trained model for the current inputs, training it first if it is not cached."""
    target = cached_model(bot_dir)
    if target.exists() and not force:
        print(f"[model] up to date: {target}", flush=True)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    print("[model] inputs changed: training the Rasa model (a few minutes on 2 cores)", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="welkom-train-") as out:
        command = [
            str(RASA_BIN), "train",
            "--config", str(bot_dir / "config.yml"),
            "--domain", str(bot_dir / "domain"),
            "--data", str(bot_dir / "data"),
            "--out", out,
            "--fixed-model-name", "model",
        ]  # fmt: skip
        process = subprocess.Popen(
            command,
            cwd=bot_dir,
            env=rasa_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert process.stdout is not None
        for line in process.stdout:
            if _worth_showing(line):
                print(f"[model] {line.rstrip()}", flush=True)
        if process.wait() != 0:
            sys.exit("[model] training failed; see the output above")
        shutil.move(str(Path(out) / "model.tar.gz"), target)
    seconds = time.monotonic() - started
    training_record(target).write_text(
        json.dumps({"seconds": round(seconds, 1), "trained_at": time.time()}), encoding="utf-8"
    )
    print(f"[model] trained in {seconds:.0f} s: {target}", flush=True)
    return target


def training_record(model: Path) -> Path:
    """How long the model took to train (written next to it; Rasa's own cache can make a
    retraining much faster than training from nothing)."""
    return model.with_name(model.name.removesuffix(".tar.gz") + ".json")


def _worth_showing(line: str) -> bool:
    """Rasa's log lines, and its epoch progress bars only at every 25%."""
    text = line.strip()
    if not text or "warn" in text.lower() or text.startswith("Processed"):
        return False
    if text.startswith("Epochs:"):
        percent = text.split("%", 1)[0].removeprefix("Epochs:").strip()
        return percent in {"25", "50", "75", "100"}
    return True
