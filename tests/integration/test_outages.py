"""With Redis, Rasa or the action server stopped, /ready fails and the chat answers 503 JSON
with a friendly message; when they come back, the product recovers (sessions intact)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import redis

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


def test_api_killed_mid_conversation(own_stack: Stack, client: httpx.Client) -> None:
    first = ask(client, "I want to talk to a person")
    session_id = str(first["session_id"])
    own_stack.kill_part("api")  # kill -9: no clean shut-down
    with pytest.raises(httpx.TransportError):
        client.post("/api/v1/chat", json={"text": "hello?", "session_id": session_id})
    own_stack.restart_part("api", ensure_model())
    history = client.get(f"/api/v1/sessions/{session_id}").json()
    assert history["handoff"] == "requested" and len(history["messages"]) >= 2
    redis_client = redis.Redis(port=own_stack.config.redis_port, decode_responses=True)
    assert redis_client.smembers(f"welkom:session:{session_id}:escalations")
    assert ask(client, "What is DigiD?", session_id=session_id)["topic"] == "digid"


def test_redis_crash_loses_no_escalation(own_stack: Stack, client: httpx.Client) -> None:
    session_id = str(ask(client, "I want to talk to a person")["session_id"])
    redis_client = redis.Redis(port=own_stack.config.redis_port, decode_responses=True)
    escalations = redis_client.smembers(f"welkom:session:{session_id}:escalations")
    assert escalations
    time.sleep(1.5)  # appendfsync everysec: older writes are on disk
    own_stack.kill_part("redis")
    own_stack.restart_part("redis", ensure_model())
    wait_ready(client)
    after = redis.Redis(port=own_stack.config.redis_port, decode_responses=True)
    assert after.smembers(f"welkom:session:{session_id}:escalations") == escalations
    assert all(after.exists(f"welkom:escalation:{e}") for e in escalations)


def test_a_person_can_be_asked_for_while_rasa_is_down(
    own_stack: Stack, client: httpx.Client
) -> None:
    session_id = str(ask(client, "Hoe open ik een bankrekening?")["session_id"])
    own_stack.stop_part("rasa")
    try:
        response = client.post(
            "/api/v1/chat", json={"text": "/human_handoff", "session_id": session_id}
        )
        assert response.status_code == 200
        body = response.json()
        assert body["escalated"] and body["handoff"] == "requested"
        assert body["locale"] == "nl" and body["messages"][0]["text"]
    finally:
        own_stack.restart_part("rasa", ensure_model())
        wait_ready(client)


def test_slow_or_full_redis_gives_quick_errors(own_stack: Stack, client: httpx.Client) -> None:
    session_id = str(ask(client, "How do I open a bank account?")["session_id"])
    admin = redis.Redis(port=own_stack.config.redis_port, decode_responses=True)
    # Slow: the server is busy for 6 s; the api gives up after its 2 s time-out.
    busy = redis.Redis(port=own_stack.config.redis_port, socket_timeout=15)
    sleeper = threading.Thread(target=lambda: busy.execute_command("DEBUG", "SLEEP", "6"))
    sleeper.start()
    time.sleep(0.2)
    started = time.monotonic()
    slow = client.post("/api/v1/chat", json={"text": "hello", "session_id": session_id})
    waited = time.monotonic() - started
    sleeper.join()
    assert slow.status_code == 503 and slow.json()["code"] == "redis_unavailable"
    assert waited < 5, f"the request hung for {waited:.1f} s"
    # Full: writes are refused (noeviction); the api answers 503, nothing hangs.
    used = int(admin.info("memory")["used_memory"])
    admin.config_set("maxmemory", used + 1024)
    try:
        for _ in range(200):  # fill the last kilobyte
            try:
                admin.set(f"filler:{time.monotonic_ns()}", "x" * 512)
            except redis.ResponseError:
                break
        full = client.post("/api/v1/chat", json={"text": "hello again", "session_id": session_id})
        assert full.status_code == 503 and full.json()["code"] == "redis_unavailable"
    finally:
        admin.config_set("maxmemory", 0)
        for key in admin.scan_iter("filler:*"):
            admin.delete(key)
    assert ask(client, "hello", session_id=session_id)["session_id"] == session_id
