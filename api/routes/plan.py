"""The arrival plan: ``POST /api/v1/plan`` (JSON or iCalendar), saved plans with a pick-up code."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response, status

from api.deps import PerIpLimit, PlanDep
from api.schemas import (
    ErrorResponse,
    PlanRequest,
    PlanResponse,
    ProgressRequest,
    SavedPlanOut,
)
from knowledge.languages import normalize_locale

router = APIRouter(prefix="/api/v1", tags=["plan"])
CALENDAR_TYPE = "text/calendar"
ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse},
    404: {"model": ErrorResponse},
    413: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
    429: {"model": ErrorResponse},
    503: {"model": ErrorResponse},
}


def _wants_calendar(accept: str | None) -> bool:
    return bool(accept) and CALENDAR_TYPE in str(accept).lower()


def _calendar(body: bytes, filename: str) -> Response:
    return Response(
        body,
        media_type=f"{CALENDAR_TYPE}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post(
    "/plan",
    response_model=PlanResponse,
    responses={**ERRORS, 200: {"content": {CALENDAR_TYPE: {}}}},
)
async def make_plan(
    request: PlanRequest,
    service: PlanDep,
    accept: Annotated[str | None, Header()] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> PlanResponse | Response:
    """The steps for this situation, in order, with deadlines (or .ics with text/calendar)."""
    profile = service.profile_of(request)
    locale = service.locale_of(request.locale, accept_language)
    if _wants_calendar(accept):
        return _calendar(service.calendar(profile, locale, "plan"), "arrival-plan.ics")
    return service.response(profile, locale)


@router.post(
    "/plans",
    dependencies=[PerIpLimit],
    response_model=SavedPlanOut,
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
async def save_plan(
    request: PlanRequest,
    service: PlanDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> SavedPlanOut:
    """Save the plan; the pick-up code opens it (and its ticked steps) on another device."""
    profile = service.profile_of(request)
    locale = service.locale_of(request.locale, accept_language)
    saved = await service.store.create(profile, locale)
    return service.saved_response(saved)


@router.get("/plans/{code}", response_model=SavedPlanOut, responses=ERRORS)
async def get_plan(code: str, service: PlanDep, lang: str | None = None) -> SavedPlanOut:
    saved = await service.load(code)
    return service.saved_response(saved, normalize_locale(lang))


@router.get(
    "/plans/{code}/calendar.ics",
    responses={**ERRORS, 200: {"content": {CALENDAR_TYPE: {}}}},
    response_class=Response,
)
async def plan_calendar(code: str, service: PlanDep, lang: str | None = None) -> Response:
    saved = await service.load(code)
    locale = normalize_locale(lang) or saved.locale
    return _calendar(service.calendar(saved.profile, locale, saved.code), "arrival-plan.ics")


@router.put("/plans/{code}/progress", response_model=SavedPlanOut, responses=ERRORS)
async def set_progress(
    code: str, request: ProgressRequest, service: PlanDep, lang: str | None = None
) -> SavedPlanOut:
    """Replace the list of steps ticked as done."""
    saved = await service.set_done(code, request.done)
    return service.saved_response(saved, normalize_locale(lang))


@router.delete(
    "/plans/{code}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[PerIpLimit],  # codes are not to be guessed
    responses=ERRORS,
)
async def delete_plan(code: str, service: PlanDep) -> Response:
    """Delete my plan: the answers it was made from (dates, municipality, salary, age) and the
    ticked steps. The conversation it was made in is deleted on its own."""
    await service.delete(code)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
