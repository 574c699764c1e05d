"""Whether every part the chat needs answers: Redis, the Rasa server, the action server."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiohttp
from redis.asyncio import Redis
from redis.exceptions import RedisError

from api.services.rasa_client import RasaClient


@dataclass(frozen=True)
class Readiness:
    redis: Redis
    rasa: RasaClient
    http: aiohttp.ClientSession
    action_server_url: str
    timeout: float

    async def check(self) -> dict[str, bool]:
        redis_ok, rasa_ok, actions_ok = await asyncio.gather(
            self._redis(), self.rasa.is_ready(self.timeout), self._actions()
        )
        return {"redis": redis_ok, "rasa": rasa_ok, "actions": actions_ok}

    async def _redis(self) -> bool:
        try:
            return bool(await asyncio.wait_for(self.redis.ping(), self.timeout))
        except (RedisError, OSError, TimeoutError):
            return False

    async def _actions(self) -> bool:
        try:
            async with self.http.get(
                f"{self.action_server_url.rstrip('/')}/health",
                timeout=aiohttp.ClientTimeout(total=self.timeout),
            ) as response:
                return response.status == 200
        except (aiohttp.ClientError, TimeoutError):
            return False
