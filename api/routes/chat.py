from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from api.deps import ChatDep, LimiterDep, SitesDep, check_origin, client_address
from api.errors import ApiError
from api.schemas import ChatRequest, ChatResponse, ErrorResponse

router = APIRouter(prefix="/api/v1", tags=["chat"])


@router.post(
    "/chat",
    response_model=ChatResponse,
    responses={
        400: {"model": ErrorResponse},
        404: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        403: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
        503: {"model": ErrorResponse},
    },
)
async def chat(
    request: ChatRequest,
    http_request: Request,
    service: ChatDep,
    sites: SitesDep,
    limiter: LimiterDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """Send one user message and get the bot's answer (see docs/architecture.md)."""
    # The address's and the conversation's limits in one Redis round trip (this is the hot path).
    wait = await limiter.retry_after(
        ("ip", client_address(http_request)), ("session", request.session_id or "")
    )
    if wait:
        raise ApiError(429, "rate_limited", headers={"Retry-After": str(wait)})
    if request.site is not None and request.site not in sites:
        raise ApiError(
            422, "invalid_request", detail=[{"field": "site", "problem": "unknown site"}]
        )
    check_origin(http_request, request.site or service.default_site)
    answer = await service.handle(request, accept_language)
    # The contract's fields exactly; "plan" only when the arrival-plan questions are finished.
    excluded = {"plan"} if answer.plan is None else set()
    return JSONResponse(answer.model_dump(mode="json", exclude=excluded))
