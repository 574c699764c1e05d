from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

from api.deps import ChatDep, SitesDep
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
        503: {"model": ErrorResponse},
    },
)
async def chat(
    request: ChatRequest,
    service: ChatDep,
    sites: SitesDep,
    accept_language: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """Send one user message and get the bot's answer (see docs/architecture.md)."""
    if request.site is not None and request.site not in sites:
        raise ApiError(
            422, "invalid_request", detail=[{"field": "site", "problem": "unknown site"}]
        )
    answer = await service.handle(request, accept_language)
    # The contract's fields exactly; "plan" only when the arrival-plan questions are finished.
    excluded = {"plan"} if answer.plan is None else set()
    return JSONResponse(answer.model_dump(mode="json", exclude=excluded))
