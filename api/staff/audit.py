"""What staff did, per site: who, when, which action, on what (no personal data)."""

from __future__ import annotations

import json
import time

from redis.asyncio import Redis

from api import redis_keys
from api.staff.accounts import StaffAccount

MAX_ENTRIES = 10_000


class AuditLog:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def record(self, staff: StaffAccount, action: str, target: str = "") -> None:
        entry = {"at": time.time(), "staff": staff.email, "action": action, "target": target}
        key = redis_keys.audit_log(staff.site)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.lpush(key, json.dumps(entry))
            pipe.ltrim(key, 0, MAX_ENTRIES - 1)
            await pipe.execute()

    async def recent(self, site: str, count: int = 200) -> list[dict[str, object]]:
        return [
            json.loads(item)
            for item in await self._redis.lrange(redis_keys.audit_log(site), 0, count - 1)
        ]
