"""With Redis, Rasa or the action server stopped, /ready fails and the chat answers 503 JSON
with a friendly message; when they come back, the product recovers (sessions intact)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from runner.model_cache import ensure_model
from runner.stack import Stack
from tests.integration.conftest import ask, start_stack

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack of its own, since these tests stop its parts."""
    running = start_stack(tmp_path_factory.mktemp("outage-stack"))
    yield running
    running.stop()


@pytest.fixture
def client(own_stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=own_stack.config.api_url, timeout=30) as http:
        yield http


def wait_ready(client: httpx.Client, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client.get("/ready").status_code == 200:
            return
        time.sleep(0.5)
    pytest.fail("the stack did not become ready again")


def assert_unavailable(client: httpx.Client, part: str, code: str, session_id: str) -> None:
    ready = client.get("/ready")
    assert ready.status_code == 503
    assert ready.json()["checks"][part] is False
    response = client.post(
        "/api/v1/chat", json={"text": "Hoe open ik een bankrekening?", "session_id": session_id}
    )
    assert response.status_code == 503
    body = response.json()
    assert body["code"] == code
    assert body["message"] and "Traceback" not in response.text


def test_redis_outage_and_recovery(own_stack: Stack, client: httpx.Client) -> None:
    first = ask(client, "Hoe schrijf ik me in bij de gemeente?")
    session_id = str(first["session_id"])
    own_stack.stop_part("redis")
    assert_unavailable(client, "redis", "redis_unavailable", session_id)
    own_stack.restart_part("redis", ensure_model())
    wait_ready(client)
    again = ask(client, "En een bankrekening openen?", session_id=session_id)
    assert again["session_id"] == session_id  # the session survived the restart (AOF)
    assert again["locale"] == "nl"


def test_rasa_outage_and_recovery(own_stack: Stack, client: httpx.Client) -> None:
    first = ask(client, "Hoe open ik een bankrekening zonder BSN?")
    session_id = str(first["session_id"])
    own_stack.stop_part("rasa")
    assert_unavailable(client, "rasa", "rasa_unavailable", session_id)
    response = client.post("/api/v1/chat", json={"text": "hallo daar", "session_id": session_id})
    assert "assistent" in response.json()["message"]  # friendly, in the session's language
    own_stack.restart_part("rasa", ensure_model())
    wait_ready(client)
    assert ask(client, "Hoe open ik een bankrekening?", session_id=session_id)["topic"] == (
        "bank_account"
    )


def test_action_server_outage_and_recovery(own_stack: Stack, client: httpx.Client) -> None:
    first = ask(client, "How do I open a bank account?")
    own_stack.stop_part("actions")
    ready = client.get("/ready")
    assert ready.status_code == 503 and ready.json()["checks"]["actions"] is False
    response = client.post(
        "/api/v1/chat",
        json={"text": "How do I open a bank account?", "session_id": first["session_id"]},
    )
    assert response.status_code == 503
    assert response.json()["code"] == "actions_unavailable"
    own_stack.restart_part("actions", ensure_model())
    wait_ready(client)
    assert ask(client, "How do I open a bank account?")["topic"] == "bank_account"
