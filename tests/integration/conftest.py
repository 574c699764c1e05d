"""A real stack for the integration tests: embedded redis-server, the action server, the Rasa
server with the trained model, and the api, each on a free port, with their own var/ folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from runner.model_cache import ensure_model
from runner.processes import free_port
from runner.stack import Stack, StackConfig


def start_stack(var_dir: Path) -> Stack:
    config = StackConfig(
        api_port=free_port(),
        rasa_port=free_port(),
        actions_port=free_port(),
        redis_port=free_port(),
        var_dir=var_dir,
        # Every test request comes from 127.0.0.1: the per-address limit is tested on its own
        # (test_rate_limits.py); the per-conversation limit stays as configured.
        api_settings={"WELKOM_RATE_LIMIT_PER_IP": "0"},
    )
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
