"""The structured reply an action sends to the api as a custom JSON message.

Rasa's REST channel passes ``custom`` payloads through untouched, so the api receives the
whole answer (text, sources, topic, confidence ...) and shapes the public chat contract.
"""

from __future__ import annotations

from typing import Any, TypedDict

REPLY_MARKER = "welkom_reply"


class Button(TypedDict):
    title: str
    payload: str


class SourceRef(TypedDict):
    title: str
    url: str
    verified: str


class Suggestion(TypedDict):
    topic: str
    entry: str
    title: str


class Reply(TypedDict):
    welkom_reply: int
    text: str
    locale: str
    buttons: list[Button]
    sources: list[SourceRef]
    dutch_terms: list[str]
    topic: str | None
    entry: str | None
    confidence: float
    suggestions: list[Suggestion]
    escalate: bool
    translated: bool
    expects_answer: bool  # a question of the plan form: the next message answers it
    plan: dict[str, Any] | None  # a finished arrival-plan profile, for the api to save


def make_reply(
    *,
    text: str,
    locale: str,
    topic: str | None,
    confidence: float,
    entry: str | None = None,
    buttons: list[Button] | None = None,
    sources: list[SourceRef] | None = None,
    dutch_terms: list[str] | None = None,
    suggestions: list[Suggestion] | None = None,
    escalate: bool = False,
    translated: bool = True,
    expects_answer: bool = False,
    plan: dict[str, Any] | None = None,
) -> Reply:
    return Reply(
        welkom_reply=1,
        text=text,
        locale=locale,
        buttons=buttons or [],
        sources=sources or [],
        dutch_terms=dutch_terms or [],
        topic=topic,
        entry=entry,
        confidence=round(confidence, 4),
        suggestions=suggestions or [],
        escalate=escalate,
        translated=translated,
        expects_answer=expects_answer,
        plan=plan,
    )


def is_reply(payload: Any) -> bool:
    return isinstance(payload, dict) and payload.get(REPLY_MARKER) == 1
