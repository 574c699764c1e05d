"""Chat sessions in Redis: language, site, handoff state, and the (masked) transcript."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from enum import StrEnum

from redis.asyncio import Redis

from api import redis_keys
from api.redis_hash import decode_hash
from api.services.pickup_codes import new_code, normalize_code

SESSION_ID_BYTES = 18
# How long a deleted conversation stays marked: longer than any message can be in flight.
DELETED_MARK_SECONDS = 3600

# Store the session, count the user's messages, append the turn, set the TTL: unless the
# conversation was deleted meanwhile (a message in flight while the user deleted it).
# KEYS: session hash, transcript, site's message counter, deletion mark.
# ARGV: ttl, n, n counter fields, m, m field/value pairs of the session, transcript entries...
SAVE_TURN = """
if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
local i = 3
for _ = 1, tonumber(ARGV[2]) do
  redis.call('HINCRBY', KEYS[3], ARGV[i], 1)
  i = i + 1
end
local fields = tonumber(ARGV[i]) * 2
redis.call('HSET', KEYS[1], unpack(ARGV, i + 1, i + fields))
i = i + fields + 1
if i <= #ARGV then redis.call('RPUSH', KEYS[2], unpack(ARGV, i, #ARGV)) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[1])
return 1
"""


class ConversationDeletedError(Exception):
    """The user deleted this conversation while one of its messages was being handled."""


class Handoff(StrEnum):
    NONE = "none"
    REQUESTED = "requested"
    ACTIVE = "active"
    CLOSED = "closed"


@dataclass
class Session:
    id: str
    site: str
    locale: str | None
    handoff: Handoff
    created_at: float
    locale_pinned: bool = False  # the user asked for this language: detection no longer changes it
    awaiting_answer: bool = False  # the bot asked a plan question: the reply keeps the language
    plan_code: str = ""  # the arrival plan made in this conversation, for staff

    def as_hash(self) -> dict[str, str]:
        return {
            "site": self.site,
            "locale": self.locale or "",
            "handoff": self.handoff.value,
            "created_at": f"{self.created_at:.3f}",
            "locale_pinned": "1" if self.locale_pinned else "",
            "awaiting_answer": "1" if self.awaiting_answer else "",
            "plan_code": self.plan_code,
        }


def new_session_id() -> str:
    return secrets.token_urlsafe(SESSION_ID_BYTES)


class SessionStore:
    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._save_turn = redis.register_script(SAVE_TURN)

    async def get(self, session_id: str) -> Session | None:
        raw = decode_hash(await self._redis.hgetall(redis_keys.session(session_id)))
        if not raw:
            return None
        return Session(
            id=session_id,
            site=raw.get("site", ""),
            locale=raw.get("locale") or None,
            handoff=Handoff(raw.get("handoff", Handoff.NONE.value)),
            created_at=float(raw.get("created_at", "0")),
            locale_pinned=bool(raw.get("locale_pinned")),
            awaiting_answer=bool(raw.get("awaiting_answer")),
            plan_code=raw.get("plan_code", ""),
        )

    def create(self, site: str) -> Session:
        return Session(new_session_id(), site, None, Handoff.NONE, time.time())

    async def save_turn(self, session: Session, entries: list[dict[str, object]]) -> None:
        """Store the session and append the turn to its transcript, atomically, with the TTL;
        the user's messages are counted per language and day (no content, no ids) for the
        staff insights. Raises ConversationDeletedError, writing nothing, when the user deleted
        the conversation meanwhile."""
        day = time.strftime("%Y-%m-%d", time.gmtime())
        counted = [f"{day}:{e['locale']}" for e in entries if e["from"] == "user"]
        fields = [item for pair in session.as_hash().items() for item in pair]
        saved = await self._save_turn(
            keys=[
                redis_keys.session(session.id),
                redis_keys.transcript(session.id),
                redis_keys.volume(session.site),
                redis_keys.deleted(session.id),
            ],
            args=[
                self._ttl,
                len(counted),
                *counted,
                len(fields) // 2,
                *fields,
                *(json.dumps(e, ensure_ascii=False) for e in entries),
            ],
        )
        if not saved:
            raise ConversationDeletedError(session.id)

    async def transcript(self, session_id: str, start: int = 0) -> list[dict[str, object]]:
        """The stored turns (masked), from index `start` on."""
        raw = await self._redis.lrange(redis_keys.transcript(session_id), start, -1)
        return [json.loads(item) for item in raw]

    async def delete(self, session: Session, escalation_ids: list[str]) -> None:
        """Forget a conversation: the session, its transcript, Rasa's tracker, its escalations;
        and mark it deleted, so that a message still in flight writes none of them back."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(redis_keys.deleted(session.id), "1", ex=DELETED_MARK_SECONDS)
            pipe.delete(
                redis_keys.session(session.id),
                redis_keys.transcript(session.id),
                redis_keys.rasa_tracker(session.id),
                redis_keys.session_escalations(session.id),
                *(redis_keys.escalation(e) for e in escalation_ids),
            )
            if escalation_ids:
                pipe.zrem(redis_keys.site_escalations(session.site), *escalation_ids)
            await pipe.execute()

    async def resume_code(self, session: Session) -> str:
        """A short code that opens this conversation on another device (as long as it lives)."""
        for _ in range(5):
            code = new_code()
            if await self._redis.set(
                redis_keys.resume_code(code), session.id, nx=True, ex=self._ttl
            ):
                return code
        raise RuntimeError("could not find a free resume code")

    async def resume(self, raw_code: str) -> Session | None:
        code = normalize_code(raw_code)
        if code is None:
            return None
        session_id = await self._redis.get(redis_keys.resume_code(code))
        return await self.get(str(session_id)) if session_id else None
