"""Rate limits per client address and per chat session, over a sliding minute.

Each minute has a counter in Redis; a request's count is this minute's requests plus the last
minute's, weighted by how much of the last minute still lies within 60 seconds of now (the
"sliding window counter"). Unlike fixed minutes, a burst just before and just after the turn of
a minute counts as one burst.
"""

from __future__ import annotations

import math
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
        counted: list[tuple[str, str, int]] = []  # (this minute's key, last minute's key, limit)
        for kind, subject in subjects:
            limit = self.per_ip if kind == "ip" else self.per_session
            if limit and subject:
                counted.append(
                    (
                        redis_keys.rate(kind, subject, window),
                        redis_keys.rate(kind, subject, window - 1),
                        limit,
                    )
                )
        if not counted:
            return 0
        async with self.redis.pipeline(transaction=False) as pipe:
            for key, previous, _ in counted:
                pipe.incr(key)
                pipe.expire(key, WINDOW_SECONDS * 2)
                pipe.get(previous)
            results = await pipe.execute()
        elapsed = (now - window * WINDOW_SECONDS) / WINDOW_SECONDS  # 0..1 into this minute
        wait = 0.0
        for index, (_, _, limit) in enumerate(counted):
            current, before = int(results[3 * index]), int(results[3 * index + 2] or 0)
            if current + before * (1 - elapsed) <= limit:
                continue
            # The weighted count falls as this minute goes on, then as the next one does: wait
            # until one more request fits (the next minute starts with just that request).
            # (`until` in minutes from this minute's start.)
            room = limit - 1
            until = 1 + (1 - room / current) if current > room else 1 - (room - current) / before
            wait = max(wait, (until - elapsed) * WINDOW_SECONDS)
        return max(1, math.ceil(wait)) if wait > 0 else 0
