"""The chat contract through the real stack: Redis, Rasa with the trained model, actions, api."""

from __future__ import annotations

import json

import httpx
import pytest
import redis

from runner.stack import Stack
from tests.integration.conftest import ask

pytestmark = pytest.mark.stack

CONTRACT_FIELDS = {
    "session_id",
    "locale",
    "messages",
    "topic",
    "entry",
    "confidence",
    "suggestions",
    "escalated",
    "handoff",
}


def test_bsn_question_in_english(api: httpx.Client) -> None:
    body = ask(api, "How do I get a BSN?")
    assert set(body) == CONTRACT_FIELDS
    assert body["topic"] == "registration"
    assert body["locale"] == "en"
    message = body["messages"][0]  # type: ignore[index]
    assert "municipality" in message["text"]
    assert message["sources"] and message["sources"][0]["url"].startswith("https://")
    assert message["sources"][0]["verified"]
    assert "gemeente" in message["dutch_terms"]
    assert body["escalated"] is False and body["handoff"] == "none"


def test_bsn_question_in_dutch_is_answered_in_dutch(api: httpx.Client) -> None:
    body = ask(api, "Hoe krijg ik een BSN?")
    assert body["topic"] == "registration"
    assert body["locale"] == "nl"
    text = body["messages"][0]["text"]  # type: ignore[index]
    assert "gemeente" in text and "dagen" in text


def test_weather_is_out_of_scope(api: httpx.Client) -> None:
    body = ask(api, "what's the weather in Paris tomorrow?")
    assert body["topic"] == "out_of_scope"
    assert body["entry"] is None


def test_bank_account_question(api: httpx.Client) -> None:
    body = ask(api, "Can I open a bank account before I have my BSN?")
    assert body["topic"] == "bank_account"
    assert body["entry"] == "bank-account-without-bsn"


def test_greeting(api: httpx.Client) -> None:
    assert ask(api, "Hello there!")["topic"] == "greeting"


def test_session_keeps_the_language(api: httpx.Client) -> None:
    first = ask(api, "Hallo, ik ben net verhuisd naar Utrecht")
    follow_up = ask(api, "BSN?", session_id=str(first["session_id"]))
    assert follow_up["session_id"] == first["session_id"]
    assert follow_up["locale"] == "nl"


def test_locale_field_overrides_detection(api: httpx.Client) -> None:
    body = ask(api, "How do I register at the municipality?", locale="nl")
    assert body["locale"] == "nl"
    assert "gemeente" in body["messages"][0]["text"]  # type: ignore[index]


def test_button_payload_selects_the_entry(api: httpx.Client) -> None:
    body = ask(api, "/rni-short-stay", locale="en")
    assert body["entry"] == "rni-short-stay"
    assert body["confidence"] == 1.0


def test_asking_for_a_person_creates_an_escalation(api: httpx.Client, stack: Stack) -> None:
    body = ask(api, "I would like to talk to a real person please")
    assert body["topic"] == "human_handoff"
    assert body["escalated"] is True
    assert body["handoff"] == "requested"
    client = redis.Redis.from_url(stack.config.effective_redis_url, decode_responses=True)
    ids = client.zrange("welkom:site:demo:escalations", 0, -1)
    sessions = [client.hget(f"welkom:escalation:{i}", "session_id") for i in ids]
    assert body["session_id"] in sessions


def test_personal_data_never_reaches_redis(api: httpx.Client, stack: Stack) -> None:
    bsn, iban, mail = "111222333", "NL91ABNA0417164300", "anna.k@example.org"
    body = ask(api, f"my BSN is {bsn}, IBAN {iban}, mail {mail}: how do I open a bank account?")
    client = redis.Redis.from_url(stack.config.effective_redis_url, decode_responses=True)
    transcript = client.lrange(f"welkom:session:{body['session_id']}:transcript", 0, -1)
    assert "[BSN]" in json.loads(transcript[0])["text"]
    for key in client.scan_iter("*"):
        kind = client.type(key)
        if kind == "string":
            values = [client.get(key) or ""]
        elif kind == "list":
            values = client.lrange(key, 0, -1)
        elif kind == "hash":
            values = list(client.hgetall(key).values())
        elif kind == "zset":
            values = client.zrange(key, 0, -1)
        else:
            continue
        for value in values:
            assert bsn not in value and iban not in value and mail not in value, key


def test_demo_page_and_health(api: httpx.Client) -> None:
    assert api.get("/health").json()["status"] == "ok"
    ready = api.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"redis": True, "rasa": True, "actions": True}
    page = api.get("/", params={"lang": "nl"})
    assert page.status_code == 200
    assert 'lang="nl"' in page.text and 'data-locale="nl"' in page.text


def test_asking_for_another_language_switches_and_keeps_it(api: httpx.Client) -> None:
    first = ask(api, "Can you answer in Spanish please?")
    assert first["locale"] == "es"
    assert "español" in first["messages"][0]["text"]  # type: ignore[index]
    follow_up = ask(api, "How do I open a bank account?", session_id=str(first["session_id"]))
    assert follow_up["locale"] == "es"
    assert follow_up["topic"] == "bank_account"


def test_unsupported_language_gets_english_and_the_list_of_languages(api: httpx.Client) -> None:
    body = ask(api, "Wie kann ich mich bei der Gemeinde anmelden und eine BSN bekommen?")
    assert body["locale"] == "en"
    note = body["messages"][0]["text"]  # type: ignore[index]
    assert "Turkish" in note and "Ukrainian" in note


def test_follow_up_question_uses_the_previous_topic(api: httpx.Client) -> None:
    first = ask(api, "How do I register at the municipality when I arrive?")
    assert first["topic"] == "registration"
    follow_up = ask(api, "and which documents?", session_id=str(first["session_id"]))
    assert follow_up["entry"] == "registration-documents"


def test_rasa_keeps_every_event_of_the_conversation_once(api: httpx.Client, stack: Stack) -> None:
    """Rasa writes the whole conversation after each message (without re-reading it when
    nothing changed meanwhile): nothing may be lost, doubled or reordered, including the
    events stored before the conversation's first session."""
    sent = ["hello", "What is a BSN?", "and a bank account?", "thanks"]
    session_id = str(ask(api, sent[0])["session_id"])
    for text in sent[1:]:
        ask(api, text, session_id=session_id)
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    events = json.loads(str(client.get(f"welkom:tracker:{session_id}")))["events"]
    assert events[0]["event"] == "slot" and events[0]["name"] == "session_started_metadata"
    assert [e["text"] for e in events if e["event"] == "user"] == sent
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps)
    keys = [json.dumps(e, sort_keys=True) for e in events]
    assert len(keys) == len(set(keys))
    # One answer and one return to listening per message, after the session's own start.
    listens = [e for e in events if e["event"] == "action" and e["name"] == "action_listen"]
    assert len(listens) == 1 + len(sent)


def test_rasa_does_not_write_back_a_conversation_marked_deleted(stack: Stack) -> None:
    """A message that reaches Rasa after the user deleted its conversation (the api may have
    given up waiting, or died) leaves no tracker behind."""
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    deleted, kept = "deleted-while-in-flight", "kept-conversation"
    client.set(f"welkom:deleted:{deleted}", "1", ex=60)
    with httpx.Client(base_url=stack.config.rasa_url, timeout=30) as rasa:
        for sender in (deleted, kept):
            answer = rasa.post(
                "/webhooks/rest/webhook",
                params={"token": stack.config.rasa_token},
                json={"sender": sender, "message": "What is a BSN?", "metadata": {"locale": "en"}},
            )
            assert answer.status_code == 200 and answer.json(), "Rasa still answers"
    assert not client.exists(f"welkom:tracker:{deleted}")
    assert client.exists(f"welkom:tracker:{kept}")
