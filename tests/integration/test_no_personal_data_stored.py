"""Generated personal data (valid BSNs by the 11-test, IBANs by mod 97, passport and phone
numbers, e-mails) in five languages goes through the chat, feedback and the plan; afterwards
no Redis key and no log line contains any of it."""

from __future__ import annotations

import random
import string
from pathlib import Path

import httpx
import pytest
import redis

from api.services.redaction import is_valid_bsn, is_valid_iban
from runner.stack import Stack
from tests.integration.conftest import ask

pytestmark = pytest.mark.stack
RNG = random.Random(20261123)


def bsn() -> str:
    while True:
        digits = "".join(RNG.choice(string.digits) for _ in range(9))
        if digits[0] != "0" and is_valid_bsn(digits):
            return digits


def iban() -> str:
    account = "".join(RNG.choice(string.digits) for _ in range(10))
    bank = RNG.choice(["ABNA", "INGB", "RABO", "BUNQ"])
    rearranged = f"{bank}{account}NL00"
    number = int("".join(str(int(ch, 36)) for ch in rearranged))
    check = 98 - number % 97
    value = f"NL{check:02d}{bank}{account}"
    assert is_valid_iban(value)
    return value


def passport() -> str:
    letters = "".join(RNG.choice("BCDFGHJKLNPRSTVWXYZ") for _ in range(2))
    return (
        letters
        + "".join(RNG.choice(string.ascii_uppercase + string.digits) for _ in range(6))
        + str(RNG.randint(0, 9))
    )


def phone() -> str:
    return RNG.choice(["+31 6 ", "06-", "0031 6 "]) + "".join(
        RNG.choice(string.digits) for _ in range(8)
    )


def email() -> str:
    return "".join(RNG.choice(string.ascii_lowercase) for _ in range(8)) + "@example.org"


TEMPLATES = {
    "en": "My BSN is {bsn}, IBAN {iban}, passport {passport}, call {phone} or mail {email}. "
    "How do I register?",
    "nl": "Mijn BSN is {bsn} en mijn IBAN {iban}, paspoort {passport}, bel {phone} of mail "
    "{email}. Hoe schrijf ik me in?",
    "es": "Mi BSN es {bsn}, IBAN {iban}, pasaporte {passport}, teléfono {phone}, correo {email}. "
    "¿Cómo me registro?",
    "tr": "BSN numaram {bsn}, IBAN {iban}, pasaport {passport}, telefon {phone}, e-posta {email}. "
    "Nasıl kayıt olurum?",
    "zh": "我的BSN是 {bsn}，IBAN {iban}，护照 {passport}，电话 {phone}，邮箱 {email}。怎么登记？",
}


def redis_dump(client: redis.Redis) -> str:
    parts = []
    for key in client.scan_iter(count=1000):
        kind = client.type(key)
        if kind == "string":
            parts.append(str(client.get(key)))
        elif kind == "hash":
            parts.append(str(client.hgetall(key)))
        elif kind == "list":
            parts.append(str(client.lrange(key, 0, -1)))
        elif kind == "set":
            parts.append(str(client.smembers(key)))
        elif kind == "zset":
            parts.append(str(client.zrange(key, 0, -1)))
        parts.append(str(key))
    return "\n".join(parts)


def test_personal_data_is_nowhere(api: httpx.Client, stack: Stack) -> None:
    secrets_sent: list[str] = []
    for locale, template in TEMPLATES.items():
        values = {
            "bsn": bsn(),
            "iban": iban(),
            "passport": passport(),
            "phone": phone(),
            "email": email(),
        }
        secrets_sent += list(values.values())
        body = ask(api, template.format(**values), locale=locale)
        session_id = str(body["session_id"])
        ask(
            api,
            f"I want to talk to a person, my number is {values['phone']}",
            session_id=session_id,
        )
        api.post(
            "/api/v1/feedback",
            json={
                "session_id": session_id,
                "helpful": False,
                "comment": f"mail {values['email']} or {values['bsn']}",
            },
        )
        history = api.get(f"/api/v1/sessions/{session_id}").json()
        shown = str(history)
        assert not [v for v in values.values() if v in shown], "the history shows personal data"
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    stored = redis_dump(client)
    digits_only = "".join(ch for ch in stored if ch.isalnum())
    leaked = [
        s for s in secrets_sent if s in stored or s.replace(" ", "").replace("-", "") in digits_only
    ]
    assert leaked == []
    logs = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in Path(stack.config.var_dir, "logs").glob("*.log")
    )
    assert logs, "the stack writes logs"
    assert [s for s in secrets_sent if s in logs] == []


USER_DATA_KEYS = (
    "welkom:session:",  # sessions, transcripts, their escalation sets
    "welkom:escalation:",
    "welkom:tracker:",  # Rasa's copy of the conversation
    "welkom:plan:",
    "welkom:resume:",
)


def test_every_key_with_user_data_expires(api: httpx.Client, stack: Stack) -> None:
    body = ask(api, "I want to talk to a person")
    session_id = str(body["session_id"])
    api.post(f"/api/v1/sessions/{session_id}/code")
    api.post("/api/v1/plans", json={"arrival_date": "2027-03-01"})
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    checked = 0
    for key in client.scan_iter(count=1000):
        if key.startswith(USER_DATA_KEYS):
            checked += 1
            assert client.ttl(key) > 0, f"{key} never expires"
    assert checked >= 6
