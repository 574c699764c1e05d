"""The conversation endpoints the widget uses: history, pick-up code, download, delete,
feedback, and the widget's configuration."""

from __future__ import annotations

import os
import signal
import threading
import time

import httpx
import pytest
import redis

from knowledge.languages import SUPPORTED_LOCALES
from runner.stack import Stack
from tests.integration.conftest import ask

pytestmark = pytest.mark.stack


def test_history_then_only_newer_messages(api: httpx.Client) -> None:
    first = ask(api, "How do I get a BSN? My BSN is 111222333")
    session_id = str(first["session_id"])
    history = api.get(f"/api/v1/sessions/{session_id}").json()
    assert [m["from"] for m in history["messages"]] == ["user", "bot"]
    assert "111222333" not in history["messages"][0]["text"]  # stored masked
    assert history["messages"][1]["topic"] == "registration"
    assert history["messages"][1]["sources"], "answers keep their sources for the history"
    ask(api, "and which documents do I bring?", session_id=session_id)
    newer = api.get(f"/api/v1/sessions/{session_id}", params={"since": history["next"]}).json()
    assert [m["from"] for m in newer["messages"]] == ["user", "bot"]
    assert newer["next"] == 4


def test_pick_up_code_opens_the_conversation_elsewhere(api: httpx.Client) -> None:
    session_id = str(ask(api, "What is DigiD?")["session_id"])
    code = api.post(f"/api/v1/sessions/{session_id}/code").json()["code"]
    resumed = api.post("/api/v1/sessions/resume", json={"code": code.lower()})
    assert resumed.status_code == 200
    assert resumed.json()["session_id"] == session_id
    assert resumed.json()["messages"][0]["text"] == "What is DigiD?"
    wrong = api.post("/api/v1/sessions/resume", json={"code": "ZZZZ-ZZZZ"})
    assert wrong.status_code == 404 and wrong.json()["code"] == "unknown_code"


def test_transcript_download(api: httpx.Client) -> None:
    session_id = str(ask(api, "Hoe krijg ik een BSN?")["session_id"])
    response = api.get(f"/api/v1/sessions/{session_id}/transcript.txt")
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment")
    assert "Hoe krijg ik een BSN?" in response.text
    assert "Assistent" in response.text or "assistent" in response.text.lower()


def test_delete_my_conversation_removes_every_trace(api: httpx.Client, stack: Stack) -> None:
    session_id = str(ask(api, "I want to talk to a person")["session_id"])
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    escalations = client.smembers(f"welkom:session:{session_id}:escalations")
    assert escalations and client.exists(f"welkom:tracker:{session_id}")
    assert api.delete(f"/api/v1/sessions/{session_id}").status_code == 204
    left = [
        f"welkom:session:{session_id}",
        f"welkom:session:{session_id}:transcript",
        f"welkom:session:{session_id}:escalations",
        f"welkom:tracker:{session_id}",
        *(f"welkom:escalation:{e}" for e in escalations),
    ]
    assert client.exists(*left) == 0
    assert not set(client.zrange("welkom:site:demo:escalations", 0, -1)) & escalations
    assert api.get(f"/api/v1/sessions/{session_id}").status_code == 404
    assert api.delete(f"/api/v1/sessions/{session_id}").status_code == 404


def test_a_message_in_flight_when_the_conversation_is_deleted_is_not_written_back(
    api: httpx.Client, stack: Stack
) -> None:
    """The user deletes the conversation while the bot is still answering one of its messages
    (the Rasa server paused to hold the message in flight): neither Rasa nor the api writes
    anything of it back, and what the message added (a new escalation) goes too."""
    session_id = str(ask(api, "I want to talk to a person")["session_id"])
    rasa = stack.children["rasa"].pids()  # the server and its forked workers
    answers: list[httpx.Response] = []

    def send() -> None:
        with httpx.Client(base_url=stack.config.api_url, timeout=30) as other:
            answers.append(
                other.post(
                    "/api/v1/chat",
                    json={"text": "I still want to talk to a person", "session_id": session_id},
                )
            )

    sender = threading.Thread(target=send)
    for pid in rasa:
        os.kill(pid, signal.SIGSTOP)
    try:
        sender.start()
        time.sleep(0.5)  # the message has been read and waits for the paused bot
        assert api.delete(f"/api/v1/sessions/{session_id}").status_code == 204
    finally:
        for pid in rasa:
            os.kill(pid, signal.SIGCONT)
    sender.join(30)
    assert answers and answers[0].status_code == 404
    assert answers[0].json()["code"] == "unknown_session"
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    assert not client.exists(
        f"welkom:session:{session_id}",
        f"welkom:session:{session_id}:transcript",
        f"welkom:session:{session_id}:escalations",
        f"welkom:tracker:{session_id}",
    )
    escalations = client.scan_iter("welkom:escalation:*")
    assert not [key for key in escalations if client.hget(key, "session_id") == session_id]
    assert api.get(f"/api/v1/sessions/{session_id}").status_code == 404


def test_feedback(api: httpx.Client, stack: Stack) -> None:
    body = ask(api, "How much is the eigen risico?")
    session_id, entry = str(body["session_id"]), body["entry"]
    up = api.post(
        "/api/v1/feedback", json={"session_id": session_id, "helpful": True, "entry": entry}
    )
    assert up.status_code == 201 and up.json() == {"escalated": False}
    down = api.post(
        "/api/v1/feedback",
        json={"session_id": session_id, "helpful": False, "entry": entry, "comment": "call me"},
    )
    assert down.json() == {"escalated": True}
    # The thumbs-down reaches staff and the escalation metric, like any other escalation.
    assert 'welkom_escalations_total{locale="en",reason="feedback",site="demo"}' in (
        api.get("/metrics").text
    )
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    counts = client.hgetall("welkom:site:demo:feedback")
    assert int(counts[f"{entry}:up"]) >= 1 and int(counts[f"{entry}:down"]) >= 1
    unknown = api.post("/api/v1/feedback", json={"session_id": "x" * 24, "helpful": False})
    assert unknown.status_code == 404


def test_unknown_site_is_refused(api: httpx.Client) -> None:
    response = api.post("/api/v1/chat", json={"text": "hello", "site": "nowhere"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "site"


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_widget_config_is_complete_in_every_language(api: httpx.Client, locale: str) -> None:
    config = api.get("/api/v1/widget/config", params={"site": "demo", "locale": locale}).json()
    english = api.get("/api/v1/widget/config", params={"site": "demo", "locale": "en"}).json()
    assert config["locale"] == locale
    assert config["direction"] == ("rtl" if locale == "ar" else "ltr")
    assert set(config["text"]) == set(english["text"])
    if locale != "en":
        same = [k for k, v in config["text"].items() if v == english["text"][k]]
        assert len(same) <= 3, same  # only words that are the same in both (e.g. "BSN?")
    assert len(config["languages"]) == 10
    assert config["site"]["colour"].startswith("#")
    assert len(config["unread"]) == 20


def test_widget_script_is_served(api: httpx.Client) -> None:
    response = api.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "customElements.define" in response.text
