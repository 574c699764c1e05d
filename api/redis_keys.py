"""Every Redis key the api uses, built in one place (Rasa writes welkom:tracker:<session> and
welkom:lock:<session> itself, with the prefix from bot/endpoints.yml)."""

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


def rasa_tracker(session_id: str) -> str:
    """The Rasa tracker of a conversation (deleted with the conversation)."""
    return f"{PREFIX}:tracker:{session_id}"


def resume_code(code: str) -> str:
    return f"{PREFIX}:resume:{code}"


def feedback(site: str) -> str:
    return f"{PREFIX}:site:{site}:feedback"


def session_escalations(session_id: str) -> str:
    return f"{PREFIX}:session:{session_id}:escalations"
