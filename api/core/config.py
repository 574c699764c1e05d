"""All settings of the api, from the environment (prefix WELKOM_) or defaults for development."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_TOKEN = "development-only-token"  # noqa: S105 - refused outside development


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WELKOM_", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str = ""  # how users reach the api; defaults to http://host:port

    redis_url: str = "redis://127.0.0.1:6379/0"
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = DEV_TOKEN
    action_server_url: str = "http://127.0.0.1:5055"
    upstream_timeout_seconds: float = 15.0
    health_timeout_seconds: float = 2.0
    # How long an idle client connection stays open. Longer than the clients' and balancers' own
    # idle timeouts (httpx 5 s, browsers ~60 s, most balancers 60 s), so that the server never
    # closes a connection just as a client sends on it (uvicorn's default is 5 s).
    keep_alive_seconds: int = Field(default=75, ge=1)

    default_site: str = "demo"
    max_message_chars: int = Field(default=2000, ge=10)
    max_body_bytes: int = Field(default=16_384, ge=1024)
    session_ttl_seconds: int = Field(default=30 * 24 * 3600, ge=60)
    rate_limit_per_ip: int = Field(default=120, ge=0)  # requests a minute from one address
    rate_limit_per_session: int = Field(default=30, ge=0)  # messages a minute in one chat
    staff_cookie_secure: bool = True  # browsers also keep Secure cookies on http://localhost
    plan_ttl_seconds: int = Field(default=180 * 24 * 3600, ge=60)  # renewed when opened

    @model_validator(mode="after")
    def _no_placeholder_secrets(self) -> Settings:
        if self.environment == "production" and self.rasa_token == DEV_TOKEN:
            raise ValueError("set WELKOM_RASA_TOKEN to a secret value in production")
        return self

    @property
    def base_url(self) -> str:
        return self.public_url or f"http://{self.host}:{self.port}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
