"""Every Redis key the api uses, built in one place (Rasa's own keys use welkom-tracker/-lock)."""

from __future__ import annotations

PREFIX = "welkom"


def session(session_id: str) -> str:
    return f"{PREFIX}:session:{session_id}"


def transcript(session_id: str) -> str:
    return f"{PREFIX}:session:{session_id}:transcript"


def escalation(escalation_id: str) -> str:
    return f"{PREFIX}:escalation:{escalation_id}"


def site_escalations(site: str) -> str:
    return f"{PREFIX}:site:{site}:escalations"


def plan(code: str) -> str:
    return f"{PREFIX}:plan:{code}"
