"""Rate limits per client address and per chat session (fixed one-minute windows in Redis)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from redis.asyncio import Redis

from api import redis_keys

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class RateLimiter:
    redis: Redis
    per_ip: int  # requests per minute from one address; 0 = no limit
    per_session: int  # messages per minute in one conversation; 0 = no limit

    async def retry_after(self, kind: str, subject: str) -> int:
        """Counts this request; seconds to wait when over the limit, else 0."""
        limit = self.per_ip if kind == "ip" else self.per_session
        if not limit or not subject:
            return 0
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        key = redis_keys.rate(kind, subject, window)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, WINDOW_SECONDS * 2)
            count, _ = await pipe.execute()
        if int(count) <= limit:
            return 0
        return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
