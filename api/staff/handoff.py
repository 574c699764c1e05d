"""Live handoff: a staff member claims a conversation (the bot goes silent), replies in free text
or with a knowledge entry in the user's language, and closes it (the bot answers again)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from api.errors import ApiError
from api.services.escalations import EscalationStatus, EscalationStore
from api.services.sessions import ConversationDeletedError, Handoff, Session, SessionStore
from api.staff.accounts import StaffAccount
from api.staff.audit import AuditLog
from knowledge.languages import SOURCE_LOCALE
from knowledge.plan.deadlines import today_in_netherlands
from knowledge.render import EntryRenderer

MAX_REPLY_CHARS = 4000


@dataclass(frozen=True)
class Conversation:
    escalation: dict[str, str]
    session: Session


@dataclass(frozen=True)
class HandoffService:
    sessions: SessionStore
    escalations: EscalationStore
    audit: AuditLog
    renderer: EntryRenderer

    async def open(self, staff: StaffAccount, escalation_id: str) -> Conversation:
        """The escalation and its session, if they belong to the staff member's site (else 404:
        another site's conversations do not exist for them)."""
        escalation = await self.escalations.get(escalation_id)
        if escalation is None or escalation.get("site") != staff.site:
            raise ApiError(404, "not_found")
        session = await self.sessions.get(escalation["session_id"])
        if session is None:
            raise ApiError(404, "unknown_session")
        return Conversation(escalation, session)

    async def claim(self, staff: StaffAccount, escalation_id: str) -> Conversation:
        found = await self.open(staff, escalation_id)
        found.session.handoff = Handoff.ACTIVE
        await self._save(found.session, [])
        await self.escalations.update(
            escalation_id, status=EscalationStatus.CLAIMED.value, claimed_by=staff.email
        )
        await self.audit.record(staff, "claim", escalation_id)
        return found

    async def reply_text(self, staff: StaffAccount, escalation_id: str, text: str) -> None:
        found = await self._claimed(staff, escalation_id)
        cleaned = text.strip()[:MAX_REPLY_CHARS]
        if not cleaned:
            raise ApiError(422, "empty_text")
        await self._say(found.session, staff, cleaned, sources=[], dutch_terms=[])
        await self.audit.record(staff, "reply", escalation_id)

    async def reply_entry(self, staff: StaffAccount, escalation_id: str, entry_id: str) -> None:
        found = await self._claimed(staff, escalation_id)
        entry = self.renderer.knowledge.get(entry_id)
        if entry is None:
            raise ApiError(
                422, "invalid_request", detail=[{"field": "entry", "problem": "unknown"}]
            )
        locale = found.session.locale or SOURCE_LOCALE
        rendered = self.renderer.render(entry, locale, today_in_netherlands())
        await self._say(
            found.session,
            staff,
            f"**{rendered.title}**\n\n{rendered.text}",
            sources=[
                {"title": s.title, "url": s.url, "verified": s.verified} for s in rendered.sources
            ],
            dutch_terms=rendered.dutch_terms,
        )
        await self.audit.record(staff, "reply_with_entry", f"{escalation_id}:{entry_id}")

    async def close(self, staff: StaffAccount, escalation_id: str) -> None:
        found = await self.open(staff, escalation_id)
        found.session.handoff = Handoff.CLOSED
        await self._save(found.session, [])
        await self.escalations.update(escalation_id, status=EscalationStatus.CLOSED.value)
        await self.audit.record(staff, "close", escalation_id)

    async def _save(self, session: Session, entries: list[dict[str, object]]) -> None:
        try:
            await self.sessions.save_turn(session, entries)
        except ConversationDeletedError:
            raise ApiError(404, "unknown_session") from None

    async def _claimed(self, staff: StaffAccount, escalation_id: str) -> Conversation:
        found = await self.open(staff, escalation_id)
        if found.session.handoff is not Handoff.ACTIVE:
            raise ApiError(409, "not_claimed", message_key="error.http_error")
        return found

    async def _say(
        self,
        session: Session,
        staff: StaffAccount,
        text: str,
        sources: list[dict[str, str]],
        dutch_terms: list[str],
    ) -> None:
        await self._save(
            session,
            [
                {
                    "from": "staff",
                    "text": text,
                    "at": time.time(),
                    "staff": staff.name or staff.email.split("@")[0],
                    "sources": sources,
                    "dutch_terms": dutch_terms,
                }
            ],
        )
