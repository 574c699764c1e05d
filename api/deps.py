"""Dependencies routes ask for; the objects themselves are built in the lifespan."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request

from api.core.config import Settings
from api.core.sites import Site
from api.errors import ApiError
from api.rate_limit import RateLimiter
from api.readiness import Readiness
from api.services.chat import ChatService
from api.services.feedback import FeedbackService
from api.services.plans import PlanService
from knowledge.ui_text import UiText


# Dependencies are coroutines: FastAPI would run a plain function in a worker thread, one
# thread hop per dependency per request.
async def _chat(request: Request) -> ChatService:
    service: ChatService = request.app.state.chat
    return service


async def _plans(request: Request) -> PlanService:
    service: PlanService = request.app.state.plans
    return service


async def _feedback(request: Request) -> FeedbackService:
    service: FeedbackService = request.app.state.feedback
    return service


async def _sites(request: Request) -> dict[str, Site]:
    sites: dict[str, Site] = request.app.state.sites
    return sites


async def _limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.rate_limiter
    return limiter


async def limit_per_ip(request: Request) -> None:
    """Counts the request against its address's limit; 429 with Retry-After when over it."""
    limiter = await _limiter(request)
    wait = await limiter.retry_after(("ip", client_address(request)))
    if wait:
        raise ApiError(429, "rate_limited", headers={"Retry-After": str(wait)})


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def is_own_origin(request: Request, origin: str) -> bool:
    """Whether an Origin (or Referer) header names this api's own host."""
    return urlsplit(origin).netloc == request.url.netloc


def check_origin(request: Request, site_id: str) -> None:
    """A browser request from another origin must come from one of the site's pages."""
    origin = request.headers.get("origin")
    if not origin or is_own_origin(request, origin):
        return
    sites: dict[str, Site] = request.app.state.sites
    site = sites.get(site_id)
    if site is None or origin not in site.allowed_origins:
        raise ApiError(403, "origin_not_allowed")


async def _readiness(request: Request) -> Readiness:
    readiness: Readiness = request.app.state.readiness
    return readiness


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _ui(request: Request) -> UiText:
    ui: UiText = request.app.state.ui
    return ui


ChatDep = Annotated[ChatService, Depends(_chat)]
FeedbackDep = Annotated[FeedbackService, Depends(_feedback)]
SitesDep = Annotated[dict[str, Site], Depends(_sites)]
LimiterDep = Annotated[RateLimiter, Depends(_limiter)]
PerIpLimit = Depends(limit_per_ip)
PlanDep = Annotated[PlanService, Depends(_plans)]
ReadinessDep = Annotated[Readiness, Depends(_readiness)]
SettingsDep = Annotated[Settings, Depends(_settings)]
UiDep = Annotated[UiText, Depends(_ui)]
