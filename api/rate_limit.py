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

    async def retry_after(self, *subjects: tuple[str, str]) -> int:
        """Counts this request for each (kind, subject), kind "ip" or "session", in one round
        trip; the seconds to wait when any of the limits is passed, else 0."""
        now = time.time()
        window = int(now // WINDOW_SECONDS)
        counted: list[tuple[str, int]] = []  # (key, limit)
        for kind, subject in subjects:
            limit = self.per_ip if kind == "ip" else self.per_session
            if limit and subject:
                counted.append((redis_keys.rate(kind, subject, window), limit))
        if not counted:
            return 0
        async with self.redis.pipeline(transaction=False) as pipe:
            for key, _ in counted:
                pipe.incr(key)
                pipe.expire(key, WINDOW_SECONDS * 2)
            results = await pipe.execute()
        if all(int(n) <= limit for n, (_, limit) in zip(results[::2], counted, strict=True)):
            return 0
        return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
