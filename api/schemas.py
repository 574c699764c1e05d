"""Request and response bodies of the public api (the chat contract in docs/architecture)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.plan.profile import Profile
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


class PlanLinkOut(BaseModel):
    code: str = Field(description="Pick-up code of the saved plan")
    checklist_url: str
    calendar_url: str


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
    plan: PlanLinkOut | None = None  # only when the arrival-plan questions are finished


class ErrorResponse(BaseModel):
    code: str
    message: str
    detail: list[dict[str, str]] = []


class Health(BaseModel):
    status: Literal["ok", "unavailable"]
    checks: dict[str, bool] = {}


class PlanRequest(Profile):
    """A newcomer's situation (every field optional) and the language of the plan."""

    locale: str | None = Field(default=None, max_length=16)

    def profile(self) -> Profile:
        return Profile.model_validate(self.model_dump(exclude={"locale"}))


class BringOut(BaseModel):
    text: str
    dutch: str


class PlanSourceOut(BaseModel):
    title: str
    url: str
    publisher: str


class PlanStepOut(BaseModel):
    id: str
    topic: Topic
    order: int
    who: Literal["migrant", "partner", "everyone"]
    title: str
    due: date | None = Field(description="ISO date of the deadline, or null when no rule sets one")
    due_text: str | None
    overdue: bool
    why: str
    where: str
    bring: list[BringOut]
    sources: list[PlanSourceOut]
    entry: str
    done: bool = False


class RulingCheckOut(BaseModel):
    verdict: Literal["likely_eligible", "likely_not", "cannot_tell"]
    label: str
    year: int
    reasons: list[str]
    norm: str | None
    norm_year: int | None
    norm_source: str | None
    disclaimer: str


class PlanResponse(BaseModel):
    locale: str
    steps: list[PlanStepOut]
    ruling_check: RulingCheckOut | None
    profile: Profile


class ProgressRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    done: list[str] = Field(default=[], max_length=50)


class SavedPlanOut(PlanResponse):
    code: str = Field(description="Pick-up code to open the plan on another device")
    checklist_url: str
    calendar_url: str
