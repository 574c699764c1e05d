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


class TurnOut(BaseModel):
    """One stored message of a conversation (user text masked)."""

    model_config = ConfigDict(populate_by_name=True)

    sender: Literal["user", "bot", "staff"] = Field(alias="from", serialization_alias="from")
    text: str
    at: float
    topic: str | None = None
    entry: str | None = None
    sources: list[SourceOut] = []
    dutch_terms: list[str] = []


class SessionOut(BaseModel):
    session_id: str
    site: str
    locale: str | None
    handoff: Literal["none", "requested", "active", "closed"]
    messages: list[TurnOut]
    next: int = Field(description="Ask with ?since=next for newer messages only")


class CodeOut(BaseModel):
    code: str = Field(description="Pick-up code that opens this conversation on another device")


class ResumeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=20)


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(pattern=SESSION_ID_PATTERN)
    helpful: bool
    entry: str | None = Field(default=None, max_length=80, pattern=r"^[a-z0-9-]+$")
    comment: str = Field(default="", max_length=1000)


class FeedbackOut(BaseModel):
    escalated: bool


class SiteOut(BaseModel):
    id: str
    name: str
    colour: str
    logo: str
    default_locale: str


class LanguageOut(BaseModel):
    code: str
    name: str  # in its own language
    direction: Literal["ltr", "rtl"]


class WidgetConfigOut(BaseModel):
    site: SiteOut
    locale: str
    direction: Literal["ltr", "rtl"]
    languages: list[LanguageOut]
    text: dict[str, str]
    unread: dict[str, str] = Field(description="'{count} new messages' for counts 1..20")
