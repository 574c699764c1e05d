"""Scale-out on one machine: two Rasa servers and two apis sharing Redis (trackers, locks,
sessions) behind a round-robin balancer. Several conversations send interleaved messages
through both replicas at once: nothing is lost or reordered, in the api or in Rasa."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from runner.model_cache import ensure_model
from runner.processes import free_port
from runner.round_robin import RoundRobin, run_in_thread
from runner.stack import Stack
from tests.integration.conftest import start_stack

pytestmark = pytest.mark.stack
CONVERSATIONS = 6
MESSAGES = 8
QUESTIONS = [
    "How do I register at the municipality?",
    "What is a BSN?",
    "Do I need Dutch health insurance?",
    "How do I open a bank account?",
    "What is DigiD?",
    "Can my partner work in the Netherlands?",
    "How do I apply for the 30% ruling?",
    "Where can I learn Dutch?",
]


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, RoundRobin, int]]:
    stack = start_stack(tmp_path_factory.mktemp("scaled-stack"))
    second_api = free_port()
    stack.start_replica(ensure_model(), api_port=second_api, rasa_port=free_port(), index=2)
    balancer = RoundRobin([("127.0.0.1", stack.config.api_port), ("127.0.0.1", second_api)])
    port = free_port()
    run_in_thread(balancer, "127.0.0.1", port)
    yield stack, balancer, port
    stack.stop()


def conversation(port: int, number: int) -> tuple[str, list[str]]:
    sent: list[str] = []
    session_id: str | None = None
    # A new connection per message, so that the balancer alternates between the replicas.
    for turn in range(MESSAGES):
        text = f"{QUESTIONS[(number + turn) % len(QUESTIONS)]} ({number}.{turn})"
        body: dict[str, str] = {"text": text}
        if session_id:
            body["session_id"] = session_id
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            response = client.post("/api/v1/chat", json=body, headers={"Connection": "close"})
        assert response.status_code == 200, response.text
        session_id = response.json()["session_id"]
        sent.append(text)
    assert session_id is not None
    return session_id, sent


def test_interleaved_messages_through_two_replicas(
    scaled: tuple[Stack, RoundRobin, int],
) -> None:
    stack, balancer, port = scaled
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        results = list(pool.map(lambda n: conversation(port, n), range(CONVERSATIONS)))
    assert all(count > 0 for count in balancer.served.values()), balancer.served
    for session_id, sent in results:
        with httpx.Client(base_url=stack.config.api_url, timeout=30) as client:
            turns = client.get(f"/api/v1/sessions/{session_id}").json()["messages"]
        users = [t["text"] for t in turns if t["from"] == "user"]
        assert users == sent  # all of them, in the order sent
        assert [t["from"] for t in turns] == ["user", "bot"] * MESSAGES
        tracker = httpx.get(
            f"{stack.config.rasa_url}/conversations/{session_id}/tracker",
            params={"token": stack.config.rasa_token},
            timeout=30,
        ).json()
        rasa_users = [e["text"] for e in tracker["events"] if e["event"] == "user"]
        assert rasa_users == sent  # Rasa's shared tracker has every message, in order
