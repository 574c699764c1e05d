"""The staff console's pages (server-rendered, little JavaScript) under /staff."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates

from api.staff.auth import COOKIE, SESSION_SECONDS
from api.staff.console import ConsoleDep, PageStaff, check_write, require_admin, same_origin
from api.staff.insights import insights_csv
from knowledge.freshness import freshness_report
from knowledge.plan.deadlines import today_in_netherlands

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
router = APIRouter(prefix="/staff", include_in_schema=False)
STATUSES = ("open", "claimed", "closed")
EVENTS_SECONDS = 300  # one event stream lasts this long; the browser reconnects by itself


def _age(created_at: str) -> str:
    minutes = int((time.time() - float(created_at or 0)) // 60)
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"


def _page(request: Request, name: str, status: int = 200, **context: object) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, f"staff/{name}", context, status_code=status)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request) -> HTMLResponse:
    return _page(request, "login.html", error="")


@router.post("/login")
async def login(
    request: Request,
    console: ConsoleDep,
    email: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=200)],
) -> Response:
    ip = request.client.host if request.client else "-"
    if not same_origin(request):
        return _page(request, "login.html", 403, error="This form must be sent from this site.")
    wait = await console.throttle.blocked_for(email, ip)
    if wait:
        page = _page(request, "login.html", 429, error="Too many attempts. Try again later.")
        page.headers["Retry-After"] = str(wait)
        return page
    account = await console.accounts.verify(email, password)
    if account is None:
        await console.throttle.failed(email, ip)
        return _page(request, "login.html", 401, error="E-mail or password is not right.")
    await console.throttle.succeeded(email, ip)
    session = await console.sessions.start(account)
    await console.audit.record(account, "login")
    response = RedirectResponse("/staff", status_code=303)
    response.set_cookie(
        COOKIE,
        session.token,
        max_age=SESSION_SECONDS,
        httponly=True,
        secure=console.secure_cookie,
        samesite="strict",
        path="/staff",
    )
    return response


@router.post("/logout")
async def logout(
    request: Request, console: ConsoleDep, staff: PageStaff, csrf: Annotated[str, Form()] = ""
) -> Response:
    check_write(request, staff, csrf)
    await console.sessions.end(staff.token)
    await console.audit.record(staff.account, "logout")
    response = RedirectResponse("/staff/login", status_code=303)
    response.delete_cookie(COOKIE, path="/staff")
    return response


@router.get("", response_class=HTMLResponse)
async def queue(
    request: Request,
    console: ConsoleDep,
    staff: PageStaff,
    status: str = "active",
    reason: str = "",
    topic: str = "",
    language: str = "",
    max_age_hours: int = 0,
) -> HTMLResponse:
    rows = []
    now = time.time()
    for escalation in reversed(await console.escalations.for_site(staff.account.site)):
        state = escalation.get("status", "open")
        if status == "active" and state == "closed":
            continue
        if status in STATUSES and state != status:
            continue
        if reason and escalation.get("reason") != reason:
            continue
        if language and escalation.get("locale") != language:
            continue
        created = float(escalation.get("created_at") or 0)
        if max_age_hours and now - created > max_age_hours * 3600:
            continue
        found_topic = console.insights.topic_of(escalation)
        if topic and found_topic != topic:
            continue
        rows.append({**escalation, "topic": found_topic, "age": _age(escalation["created_at"])})
    return _page(
        request,
        "queue.html",
        staff=staff,
        rows=rows,
        filters={
            "status": status,
            "reason": reason,
            "topic": topic,
            "language": language,
            "max_age_hours": max_age_hours,
        },
        topics=sorted({entry.topic.value for entry in console.knowledge}),
    )


@router.get("/escalations/{escalation_id}", response_class=HTMLResponse)
async def escalation_page(
    request: Request, escalation_id: str, console: ConsoleDep, staff: PageStaff
) -> HTMLResponse:
    found = await console.handoff.open(staff.account, escalation_id)
    transcript = await console.chats.transcript(found.session.id)
    suggested = [
        console.knowledge.entries[entry_id]
        for entry_id, _ in console.search.search(found.escalation.get("question", ""), limit=5)
    ]
    plan = await console.plans.get(found.session.plan_code) if found.session.plan_code else None
    await console.audit.record(staff.account, "view", escalation_id)
    return _page(
        request,
        "escalation.html",
        staff=staff,
        escalation=found.escalation,
        session=found.session,
        transcript=[
            {**turn, "time": datetime.fromtimestamp(float(str(turn.get("at", 0))), UTC)}
            for turn in transcript
        ],
        suggested=suggested,
        entries=sorted(console.knowledge, key=lambda entry: entry.title),
        plan=plan.profile.model_dump(exclude_none=True) if plan else None,
        topic=console.insights.topic_of(found.escalation),
    )


def _back(escalation_id: str) -> RedirectResponse:
    return RedirectResponse(f"/staff/escalations/{escalation_id}", status_code=303)


@router.post("/escalations/{escalation_id}/claim")
async def claim(
    request: Request,
    escalation_id: str,
    console: ConsoleDep,
    staff: PageStaff,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_write(request, staff, csrf)
    await console.handoff.claim(staff.account, escalation_id)
    return _back(escalation_id)


@router.post("/escalations/{escalation_id}/reply")
async def reply(
    request: Request,
    escalation_id: str,
    console: ConsoleDep,
    staff: PageStaff,
    csrf: Annotated[str, Form()] = "",
    text: Annotated[str, Form(max_length=4000)] = "",
    entry: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_write(request, staff, csrf)
    if entry:
        await console.handoff.reply_entry(staff.account, escalation_id, entry)
    else:
        await console.handoff.reply_text(staff.account, escalation_id, text)
    return _back(escalation_id)


@router.post("/escalations/{escalation_id}/close")
async def close(
    request: Request,
    escalation_id: str,
    console: ConsoleDep,
    staff: PageStaff,
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_write(request, staff, csrf)
    await console.handoff.close(staff.account, escalation_id)
    return RedirectResponse("/staff", status_code=303)


@router.get("/escalations/{escalation_id}/events")
async def events(
    request: Request, escalation_id: str, console: ConsoleDep, staff: PageStaff, since: int = 0
) -> StreamingResponse:
    """New messages of the conversation as they arrive (server-sent events)."""
    found = await console.handoff.open(staff.account, escalation_id)
    session_id = found.session.id
    last_seen = request.headers.get("last-event-id", "")
    start = max(since, int(last_seen)) if last_seen.isdigit() else since

    async def stream() -> AsyncIterator[str]:
        position = start
        deadline = time.monotonic() + EVENTS_SECONDS
        yield "retry: 2000\n\n"
        while time.monotonic() < deadline and not await request.is_disconnected():
            for turn in await console.chats.transcript(session_id, position):
                position += 1
                yield f"id: {position}\ndata: {json.dumps(turn, ensure_ascii=False)}\n\n"
            await asyncio.sleep(1)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )


@router.get("/insights", response_class=HTMLResponse)
async def insights(request: Request, console: ConsoleDep, staff: PageStaff) -> HTMLResponse:
    found = await console.insights.for_site(staff.account.site)
    titles = {entry.id: entry.title for entry in console.knowledge}
    return _page(request, "insights.html", staff=staff, insights=found, titles=titles)


@router.get("/insights.csv")
async def insights_export(console: ConsoleDep, staff: PageStaff) -> Response:
    found = await console.insights.for_site(staff.account.site)
    await console.audit.record(staff.account, "export_insights")
    return Response(
        insights_csv(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="welkom-gaps.csv"'},
    )


@router.get("/freshness", response_class=HTMLResponse)
async def freshness(request: Request, console: ConsoleDep, staff: PageStaff) -> HTMLResponse:
    report = freshness_report(console.knowledge, today_in_netherlands())
    return _page(request, "freshness.html", staff=staff, report=report)


@router.get("/audit", response_class=HTMLResponse)
async def audit(request: Request, console: ConsoleDep, staff: PageStaff) -> HTMLResponse:
    require_admin(staff)
    entries = await console.audit.recent(staff.account.site)
    return _page(
        request,
        "audit.html",
        staff=staff,
        entries=[
            {**entry, "time": datetime.fromtimestamp(float(str(entry["at"])), UTC)}
            for entry in entries
        ],
    )


def not_signed_in_redirect() -> RedirectResponse:
    return RedirectResponse("/staff/login", status_code=303)
