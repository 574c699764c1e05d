"""Dependencies routes ask for; the objects themselves are built in the lifespan."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.core.config import Settings
from api.core.sites import Site
from api.readiness import Readiness
from api.services.chat import ChatService
from api.services.feedback import FeedbackService
from api.services.plans import PlanService
from knowledge.ui_text import UiText


def _chat(request: Request) -> ChatService:
    service: ChatService = request.app.state.chat
    return service


def _plans(request: Request) -> PlanService:
    service: PlanService = request.app.state.plans
    return service


def _feedback(request: Request) -> FeedbackService:
    service: FeedbackService = request.app.state.feedback
    return service


def _sites(request: Request) -> dict[str, Site]:
    sites: dict[str, Site] = request.app.state.sites
    return sites


def _readiness(request: Request) -> Readiness:
    readiness: Readiness = request.app.state.readiness
    return readiness


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _ui(request: Request) -> UiText:
    ui: UiText = request.app.state.ui
    return ui


ChatDep = Annotated[ChatService, Depends(_chat)]
FeedbackDep = Annotated[FeedbackService, Depends(_feedback)]
SitesDep = Annotated[dict[str, Site], Depends(_sites)]
PlanDep = Annotated[PlanService, Depends(_plans)]
ReadinessDep = Annotated[Readiness, Depends(_readiness)]
SettingsDep = Annotated[Settings, Depends(_settings)]
UiDep = Annotated[UiText, Depends(_ui)]
