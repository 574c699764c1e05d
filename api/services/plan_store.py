"""Saved arrival plans in Redis, found again by a short pick-up code."""

from __future__ import annotations

import json
from dataclasses import dataclass

from redis.asyncio import Redis

from api import redis_keys
from api.redis_hash import decode_hash
from api.services.pickup_codes import new_code
from knowledge.plan.profile import Profile


@dataclass(frozen=True)
class SavedPlan:
    code: str
    profile: Profile
    locale: str
    done: tuple[str, ...]


class PlanStore:
    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def create(self, profile: Profile, locale: str) -> SavedPlan:
        for _ in range(5):
            code = new_code()
            key = redis_keys.plan(code)
            fields = {"profile": profile.model_dump_json(), "locale": locale, "done": "[]"}
            if await self._redis.hsetnx(key, "profile", fields["profile"]):
                async with self._redis.pipeline(transaction=True) as pipe:
                    pipe.hset(key, mapping=dict(fields))  # type: ignore[arg-type]
                    pipe.expire(key, self._ttl)
                    await pipe.execute()
                return SavedPlan(code, profile, locale, ())
        raise RuntimeError("could not find a free plan code")

    async def get(self, code: str) -> SavedPlan | None:
        key = redis_keys.plan(code)
        raw = decode_hash(await self._redis.hgetall(key))
        if not raw.get("profile"):
            return None
        await self._redis.expire(key, self._ttl)  # a plan in use stays
        return SavedPlan(
            code=code,
            profile=Profile.model_validate_json(raw["profile"]),
            locale=raw.get("locale", ""),
            done=tuple(json.loads(raw.get("done", "[]"))),
        )

    async def set_done(self, code: str, done: list[str]) -> bool:
        """Replace the ticked steps of an existing plan; False when the code is unknown."""
        updated = await self._redis.eval(
            _SET_IF_EXISTS,
            1,
            redis_keys.plan(code),
            "done",
            json.dumps(sorted(set(done))),
            str(self._ttl),
        )
        return bool(updated)

    async def delete(self, code: str) -> bool:
        """Forget a plan and the answers it was made from; False when the code is unknown."""
        return bool(await self._redis.delete(redis_keys.plan(code)))


# Atomically: only an existing plan is updated (HSET alone would create a stray key).
_SET_IF_EXISTS = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
  return 1
end
return 0
"""
