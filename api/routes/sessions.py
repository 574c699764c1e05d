"""A conversation after the fact: its history (and staff replies), a pick-up code, a download,
and deleting it. The session id is the secret that grants access, as in the chat itself."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import PlainTextResponse

from api.deps import ChatDep, FeedbackDep, PerIpLimit, SitesDep, UiDep
from api.errors import ApiError
from api.schemas import (
    CodeOut,
    ErrorResponse,
    FeedbackOut,
    FeedbackRequest,
    ResumeRequest,
    SessionOut,
    TurnOut,
)
from api.services.sessions import Session
from knowledge.languages import SOURCE_LOCALE

router = APIRouter(prefix="/api/v1", tags=["sessions"])
ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
    429: {"model": ErrorResponse},
    503: {"model": ErrorResponse},
}


async def _session(chat: ChatDep, session_id: str) -> Session:
    session = await chat.sessions.get(session_id)
    if session is None:
        raise ApiError(404, "unknown_session")
    return session


async def _out(chat: ChatDep, session: Session, since: int) -> SessionOut:
    turns = await chat.sessions.transcript(session.id, since)
    return SessionOut(
        session_id=session.id,
        site=session.site,
        locale=session.locale,
        handoff=session.handoff.value,
        messages=[TurnOut.model_validate(turn) for turn in turns],
        next=since + len(turns),
    )


@router.get("/sessions/{session_id}", response_model=SessionOut, responses=ERRORS)
async def get_session(
    session_id: str, chat: ChatDep, since: Annotated[int, Query(ge=0)] = 0
) -> SessionOut:
    """The conversation so far (or from message `since` on): history after a reload, and
    staff replies while a person has taken over."""
    return await _out(chat, await _session(chat, session_id), since)


@router.delete("/sessions/{session_id}", status_code=status.HTTP_204_NO_CONTENT, responses=ERRORS)
async def delete_session(session_id: str, chat: ChatDep) -> Response:
    """Delete my conversation: the transcript, the bot's memory of it and its escalations."""
    session = await _session(chat, session_id)
    await chat.forget(session)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/sessions/{session_id}/transcript.txt", response_class=PlainTextResponse, responses=ERRORS
)
async def download_transcript(
    session_id: str, chat: ChatDep, ui: UiDep, sites: SitesDep
) -> PlainTextResponse:
    session = await _session(chat, session_id)
    locale = session.locale or SOURCE_LOCALE
    site = sites.get(session.site)
    now = datetime.now(UTC)
    title = ui.text(
        "widget.transcript_title",
        locale,
        site=site.name if site else session.site,
        date=now.date().isoformat(),
    )
    names = {
        "user": ui.text("widget.you", locale),
        "bot": ui.text("widget.bot", locale),
        "staff": ui.text("widget.staff", locale),
    }
    lines = [title, ""]
    for turn in await chat.sessions.transcript(session.id):
        at = datetime.fromtimestamp(float(str(turn.get("at", 0))), UTC).strftime("%Y-%m-%d %H:%M")
        lines += [f"[{at} UTC] {names.get(str(turn.get('from')), '')}:", str(turn.get("text")), ""]
    return PlainTextResponse(
        "\n".join(lines),
        headers={"Content-Disposition": 'attachment; filename="welkom-conversation.txt"'},
    )


@router.post(
    "/sessions/{session_id}/code",
    dependencies=[PerIpLimit],
    response_model=CodeOut,
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
async def session_code(session_id: str, chat: ChatDep) -> CodeOut:
    """A pick-up code to continue this conversation on another device."""
    session = await _session(chat, session_id)
    return CodeOut(code=await chat.sessions.resume_code(session))


@router.post(
    "/sessions/resume", dependencies=[PerIpLimit], response_model=SessionOut, responses=ERRORS
)
async def resume_session(request: ResumeRequest, chat: ChatDep) -> SessionOut:
    session = await chat.sessions.resume(request.code)
    if session is None:
        raise ApiError(404, "unknown_code", message_key="widget.code_invalid")
    return await _out(chat, session, 0)


@router.post(
    "/feedback",
    dependencies=[PerIpLimit],
    response_model=FeedbackOut,
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
async def feedback(request: FeedbackRequest, chat: ChatDep, service: FeedbackDep) -> FeedbackOut:
    """Thumbs up or down on an answer; thumbs down (with an optional comment) reaches staff."""
    session = await _session(chat, request.session_id)
    escalated = await service.record(session, request.helpful, request.entry, request.comment)
    return FeedbackOut(escalated=escalated)
