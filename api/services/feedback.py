"""Thumbs up / down on answers: counted per entry, and a thumbs-down reaches staff."""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis

from api import redis_keys
from api.services.escalations import EscalationReason, EscalationStore
from api.services.redaction import redact
from api.services.sessions import Session, SessionStore


@dataclass(frozen=True)
class FeedbackService:
    redis: Redis
    sessions: SessionStore
    escalations: EscalationStore

    async def record(
        self, session: Session, helpful: bool, entry: str | None, comment: str
    ) -> bool:
        """Count the rating; a thumbs-down becomes an escalation. Returns whether it escalated."""
        rating = "up" if helpful else "down"
        await self.redis.hincrby(redis_keys.feedback(session.site), f"{entry or '-'}:{rating}", 1)
        if helpful:
            return False
        turns = await self.sessions.transcript(session.id)
        asked = next((str(t["text"]) for t in reversed(turns) if t.get("from") == "user"), "")
        await self.escalations.create(
            session_id=session.id,
            site=session.site,
            reason=EscalationReason.FEEDBACK,
            locale=session.locale or "en",
            question=asked,
            confidence=0.0,
            comment=redact(comment),
            entry=entry or "",
        )
        return True
