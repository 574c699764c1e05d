"""Staff accounts: one site each, a role, and an argon2id password hash (never the password)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from redis.asyncio import Redis

from api import redis_keys
from api.redis_hash import decode_hash


class Role(StrEnum):
    STAFF = "staff"
    ADMIN = "admin"  # also sees the audit log


@dataclass(frozen=True)
class StaffAccount:
    email: str
    site: str
    role: Role
    name: str


class AccountStore:
    def __init__(self, redis: Redis, hasher: PasswordHasher | None = None) -> None:
        self._redis = redis
        self._hasher = hasher or PasswordHasher()  # argon2id with the library's safe defaults

    async def create(
        self, email: str, site: str, role: Role, name: str, password: str
    ) -> StaffAccount:
        if len(password) < 12:
            raise ValueError("a staff password has at least 12 characters")
        await self._redis.hset(
            redis_keys.staff_account(email),
            mapping={
                "site": site,
                "role": role.value,
                "name": name,
                "password_hash": self._hasher.hash(password),
                "created_at": f"{time.time():.0f}",
            },
        )
        return StaffAccount(email.lower(), site, role, name)

    async def verify(self, email: str, password: str) -> StaffAccount | None:
        raw = decode_hash(await self._redis.hgetall(redis_keys.staff_account(email)))
        if not raw:
            # Same work as a real check, so that timing does not tell which e-mails exist.
            self._hasher.hash(password)
            return None
        try:
            self._hasher.verify(raw["password_hash"], password)
        except (VerificationError, InvalidHashError):
            return None
        return StaffAccount(email.lower(), raw["site"], Role(raw["role"]), raw.get("name", ""))
