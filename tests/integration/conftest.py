"""A real stack for the integration tests: embedded redis-server, the action server, the Rasa
server with the trained model, and the api, each on a free port, with their own var/ folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from runner.model_cache import ensure_model
from runner.stack import Stack, StackConfig


def start_stack(var_dir: Path) -> Stack:
    # Every test request comes from 127.0.0.1: the per-address limit is tested on its own
    # (test_rate_limits.py); the per-conversation limit stays as configured.
    config = StackConfig.on_free_ports(var_dir, {"WELKOM_RATE_LIMIT_PER_IP": "0"})
    stack = Stack.create(config)
    stack.start(ensure_model())
    return stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    running = start_stack(tmp_path_factory.mktemp("stack"))
    yield running
    running.stop()


@pytest.fixture
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.config.api_url, timeout=30) as client:
        yield client


def ask(client: httpx.Client, text: str, **fields: str) -> dict[str, object]:
    response = client.post("/api/v1/chat", json={"text": text, **fields})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


STAFF_PASSWORD = "correct horse battery staple"


def create_staff_account(
    stack: Stack, email: str, site: str, role: str = "staff", password: str = STAFF_PASSWORD
) -> subprocess.CompletedProcess[str]:
    """With the documented command (python -m api.staff), against the stack's Redis."""
    env = {
        **os.environ,
        "WELKOM_REDIS_URL": f"redis://127.0.0.1:{stack.config.redis_port}/0",
        "WELKOM_STAFF_PASSWORD": password,
    }
    command = [sys.executable, "-m", "api.staff", "create-account", "--email", email,
               "--site", site, "--role", role]  # fmt: skip
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)
