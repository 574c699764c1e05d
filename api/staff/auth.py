"""Staff log-in sessions in Redis, CSRF tokens, and log-in throttling."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass

from redis.asyncio import Redis

from api import redis_keys
from api.redis_hash import decode_hash
from api.staff.accounts import Role, StaffAccount

COOKIE = "welkom_staff"
SESSION_SECONDS = 8 * 3600  # a working day
MAX_FAILURES = 5
FAILURE_WINDOW_SECONDS = 15 * 60
ONLINE_SECONDS = 5 * 60  # staff who loaded a page this recently count as online


@dataclass(frozen=True)
class StaffSession:
    token: str
    account: StaffAccount
    csrf: str

    def csrf_ok(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(self.csrf, str(sent))


class StaffSessions:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def start(self, account: StaffAccount) -> StaffSession:
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        key = redis_keys.staff_session(token)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                key,
                mapping={
                    "email": account.email,
                    "site": account.site,
                    "role": account.role.value,
                    "name": account.name,
                    "csrf": csrf,
                },
            )
            pipe.expire(key, SESSION_SECONDS)
            await pipe.execute()
        return StaffSession(token, account, csrf)

    async def get(self, token: str | None) -> StaffSession | None:
        if not token or len(token) > 100:
            return None
        raw = decode_hash(await self._redis.hgetall(redis_keys.staff_session(token)))
        if not raw:
            return None
        account = StaffAccount(raw["email"], raw["site"], Role(raw["role"]), raw.get("name", ""))
        await self._redis.zadd(redis_keys.staff_online(account.site), {account.email: time.time()})
        return StaffSession(token, account, raw["csrf"])

    async def end(self, token: str) -> None:
        await self._redis.delete(redis_keys.staff_session(token))

    async def anyone_online(self, site: str) -> bool:
        since = time.time() - ONLINE_SECONDS
        return bool(await self._redis.zcount(redis_keys.staff_online(site), since, "+inf"))


class LoginThrottle:
    """At most MAX_FAILURES failed log-ins per e-mail and address in FAILURE_WINDOW_SECONDS."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def blocked_for(self, email: str, ip: str) -> int:
        key = redis_keys.login_failures(email, ip)
        failures = int(await self._redis.get(key) or 0)
        if failures < MAX_FAILURES:
            return 0
        return max(int(await self._redis.ttl(key)), 1)

    async def failed(self, email: str, ip: str) -> None:
        key = redis_keys.login_failures(email, ip)
        if await self._redis.incr(key) == 1:  # the window starts at the first failure
            await self._redis.expire(key, FAILURE_WINDOW_SECONDS)

    async def succeeded(self, email: str, ip: str) -> None:
        await self._redis.delete(redis_keys.login_failures(email, ip))
