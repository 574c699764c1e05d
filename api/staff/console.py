"""What the console's pages and api share: the services, the signed-in staff member, checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from actions.knowledge_search import KnowledgeSearch
from api.deps import is_own_origin
from api.errors import ApiError
from api.services.escalations import EscalationStore
from api.services.plan_store import PlanStore
from api.services.sessions import SessionStore
from api.staff.accounts import AccountStore, Role
from api.staff.audit import AuditLog
from api.staff.auth import COOKIE, LoginThrottle, StaffSession, StaffSessions
from api.staff.handoff import HandoffService
from api.staff.insights import InsightsService
from knowledge.knowledge_base import KnowledgeBase


@dataclass(frozen=True)
class StaffConsole:
    accounts: AccountStore
    sessions: StaffSessions
    throttle: LoginThrottle
    audit: AuditLog
    handoff: HandoffService
    insights: InsightsService
    escalations: EscalationStore
    chats: SessionStore
    plans: PlanStore
    knowledge: KnowledgeBase
    search: KnowledgeSearch
    secure_cookie: bool


async def _console(request: Request) -> StaffConsole:
    console: StaffConsole = request.app.state.staff_console
    return console


ConsoleDep = Annotated[StaffConsole, Depends(_console)]


class NotSignedInError(Exception):
    """A console page was asked for without a staff session: the page redirects to log-in."""


async def _signed_in(request: Request, console: ConsoleDep) -> StaffSession | None:
    return await console.sessions.get(request.cookies.get(COOKIE))


async def page_staff(
    found: Annotated[StaffSession | None, Depends(_signed_in)],
) -> StaffSession:
    if found is None:
        raise NotSignedInError
    return found


async def api_staff(
    found: Annotated[StaffSession | None, Depends(_signed_in)],
) -> StaffSession:
    if found is None:
        raise ApiError(401, "not_signed_in", message_key="error.http_error")
    return found


PageStaff = Annotated[StaffSession, Depends(page_staff)]
ApiStaff = Annotated[StaffSession, Depends(api_staff)]


def same_origin(request: Request) -> bool:
    """A state-changing request must come from our own pages (with SameSite and the CSRF token)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    return not origin or is_own_origin(request, origin)


def check_write(request: Request, staff: StaffSession, token: str | None) -> None:
    if not same_origin(request) or not staff.csrf_ok(token):
        raise ApiError(403, "csrf_failed", message_key="error.http_error")


def require_admin(staff: StaffSession) -> None:
    if staff.account.role is not Role.ADMIN:
        raise ApiError(403, "forbidden", message_key="error.http_error")
