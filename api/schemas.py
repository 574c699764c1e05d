"""Request and response bodies of the public api (the chat contract in docs/architecture)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.schema import Topic

SESSION_ID_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
SITE_PATTERN = r"^[a-z0-9-]{1,40}$"


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(description="What the user typed, or a button payload")
    session_id: str | None = Field(default=None, pattern=SESSION_ID_PATTERN)
    locale: str | None = Field(default=None, max_length=16)
    site: str | None = Field(default=None, pattern=SITE_PATTERN)


class ButtonOut(BaseModel):
    title: str
    payload: str


class SourceOut(BaseModel):
    title: str
    url: str
    verified: str


class MessageOut(BaseModel):
    text: str
    buttons: list[ButtonOut] = []
    sources: list[SourceOut] = []
    dutch_terms: list[str] = []


class SuggestionOut(BaseModel):
    topic: str
    entry: str
    title: str


class ChatResponse(BaseModel):
    session_id: str
    locale: str
    messages: list[MessageOut]
    topic: Topic | None
    entry: str | None
    confidence: float
    suggestions: list[SuggestionOut]
    escalated: bool
    handoff: Literal["none", "requested", "active", "closed"]


class ErrorResponse(BaseModel):
    code: str
    message: str
    detail: list[dict[str, str]] = []


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    checks: dict[str, bool] = {}
