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


def deleted(session_id: str) -> str:
    """Marks a conversation the user deleted, for as long as a message of it may be in flight:
    nothing is written for it again (bot/components/tracker_merge.py reads the same key)."""
    return f"{PREFIX}:deleted:{session_id}"


def resume_code(code: str) -> str:
    return f"{PREFIX}:resume:{code}"


def feedback(site: str) -> str:
    return f"{PREFIX}:site:{site}:feedback"


def session_escalations(session_id: str) -> str:
    return f"{PREFIX}:session:{session_id}:escalations"


def staff_account(email: str) -> str:
    return f"{PREFIX}:staff:{email.lower()}"


def staff_session(token: str) -> str:
    return f"{PREFIX}:staff-session:{token}"


def login_failures(email: str, ip: str) -> str:
    return f"{PREFIX}:login-failures:{email.lower()}:{ip}"


def staff_online(site: str) -> str:
    return f"{PREFIX}:site:{site}:staff-online"


def audit_log(site: str) -> str:
    return f"{PREFIX}:site:{site}:audit"


def volume(site: str) -> str:
    return f"{PREFIX}:site:{site}:volume"


def rate(kind: str, subject: str, window: int) -> str:
    return f"{PREFIX}:rate:{kind}:{subject}:{window}"
