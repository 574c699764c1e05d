"""Escalations: questions the bot could not answer and requests for a person, for staff."""

from __future__ import annotations

import secrets
import time
from enum import StrEnum

from redis.asyncio import Redis

from api import redis_keys
from api.observability import Metrics
from api.redis_hash import decode_hash


class EscalationReason(StrEnum):
    HANDOFF_REQUESTED = "handoff_requested"
    UNANSWERED = "unanswered"
    FEEDBACK = "feedback"  # thumbs down on an answer


class EscalationStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    CLOSED = "closed"


class EscalationStore:
    def __init__(self, redis: Redis, ttl_seconds: int, metrics: Metrics | None = None) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._metrics = metrics  # every escalation, whatever made it, is counted here

    async def create(
        self,
        *,
        session_id: str,
        site: str,
        reason: EscalationReason,
        locale: str,
        question: str,
        confidence: float,
        comment: str = "",
        entry: str = "",
    ) -> str:
        escalation_id = secrets.token_urlsafe(12)
        now = time.time()
        key = redis_keys.escalation(escalation_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                key,
                mapping={
                    "session_id": session_id,
                    "site": site,
                    "reason": reason.value,
                    "status": EscalationStatus.OPEN.value,
                    "locale": locale,
                    "question": question,
                    "confidence": f"{confidence:.4f}",
                    "created_at": f"{now:.3f}",
                    "comment": comment,
                    "entry": entry,
                },
            )
            pipe.expire(key, self._ttl)
            pipe.sadd(redis_keys.session_escalations(session_id), escalation_id)
            pipe.expire(redis_keys.session_escalations(session_id), self._ttl)
            pipe.zadd(redis_keys.site_escalations(site), {escalation_id: now})
            await pipe.execute()
        if self._metrics is not None:
            self._metrics.escalations.labels(site, locale, reason.value).inc()
        return escalation_id

    async def for_site(self, site: str) -> list[dict[str, str]]:
        ids = await self._redis.zrange(redis_keys.site_escalations(site), 0, -1)
        found = []
        for escalation_id in ids:
            data = decode_hash(await self._redis.hgetall(redis_keys.escalation(str(escalation_id))))
            if data:
                found.append({"id": str(escalation_id), **data})
        return found

    async def ids_for_session(self, session_id: str) -> list[str]:
        members = await self._redis.smembers(redis_keys.session_escalations(session_id))
        return sorted(str(member) for member in members)

    async def get(self, escalation_id: str) -> dict[str, str] | None:
        data = decode_hash(await self._redis.hgetall(redis_keys.escalation(escalation_id)))
        return {"id": escalation_id, **data} if data else None

    async def update(self, escalation_id: str, **fields: str) -> None:
        await self._redis.hset(redis_keys.escalation(escalation_id), mapping=dict(fields))  # type: ignore[arg-type]
