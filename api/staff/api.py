"""The console's JSON api under /staff/api: 401 without a staff session, 403 without the CSRF
token (header X-CSRF-Token) on writes; only the staff member's own site is ever visible."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, ConfigDict, Field

from api.staff.console import ApiStaff, ConsoleDep, check_write

router = APIRouter(prefix="/staff/api", tags=["staff"])


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(default="", max_length=4000)
    entry: str = Field(default="", max_length=100)


@router.get("/me")
async def me(staff: ApiStaff) -> dict[str, str]:
    account = staff.account
    return {
        "email": account.email,
        "site": account.site,
        "role": account.role.value,
        "csrf": staff.csrf,
    }


@router.get("/escalations")
async def escalations(console: ConsoleDep, staff: ApiStaff) -> list[dict[str, str]]:
    found = await console.escalations.for_site(staff.account.site)
    return [{**e, "topic": console.insights.topic_of(e)} for e in found]


@router.get("/escalations/{escalation_id}")
async def escalation(escalation_id: str, console: ConsoleDep, staff: ApiStaff) -> dict[str, object]:
    found = await console.handoff.open(staff.account, escalation_id)
    return {
        "escalation": found.escalation,
        "handoff": found.session.handoff.value,
        "locale": found.session.locale,
        "transcript": await console.chats.transcript(found.session.id),
    }


@router.post("/escalations/{escalation_id}/claim")
async def claim(
    request: Request,
    escalation_id: str,
    console: ConsoleDep,
    staff: ApiStaff,
    x_csrf_token: Annotated[str | None, Header()] = None,
) -> dict[str, str]:
    check_write(request, staff, x_csrf_token)
    await console.handoff.claim(staff.account, escalation_id)
    return {"handoff": "active"}


@router.post("/escalations/{escalation_id}/reply")
async def reply(
    request: Request,
    escalation_id: str,
    body: ReplyIn,
    console: ConsoleDep,
    staff: ApiStaff,
    x_csrf_token: Annotated[str | None, Header()] = None,
) -> dict[str, str]:
    check_write(request, staff, x_csrf_token)
    if body.entry:
        await console.handoff.reply_entry(staff.account, escalation_id, body.entry)
    else:
        await console.handoff.reply_text(staff.account, escalation_id, body.text)
    return {"sent": "yes"}


@router.post("/escalations/{escalation_id}/close")
async def close(
    request: Request,
    escalation_id: str,
    console: ConsoleDep,
    staff: ApiStaff,
    x_csrf_token: Annotated[str | None, Header()] = None,
) -> dict[str, str]:
    check_write(request, staff, x_csrf_token)
    await console.handoff.close(staff.account, escalation_id)
    return {"handoff": "closed"}


@router.get("/insights")
async def insights(console: ConsoleDep, staff: ApiStaff) -> dict[str, object]:
    found = await console.insights.for_site(staff.account.site)
    return {
        "gaps": [
            {
                "topic": g.topic,
                "count": g.count,
                "languages": dict(g.languages),
                "examples": g.examples,
            }
            for g in found.gaps
        ],
        "feedback": found.feedback,
        "volume": found.volume,
    }
