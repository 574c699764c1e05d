"""Rate limits, the origin allowlist and security headers, with the stack's real Redis and Rasa:
the per-address limit through an api built with a low limit (the shared test stack has none,
since all tests come from one address)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from api.core.config import Settings
from api.main import create_app
from runner.stack import Stack
from tests.integration.conftest import ask

pytestmark = pytest.mark.stack


@pytest.fixture
def strict_api(stack: Stack) -> Iterator[TestClient]:
    settings = Settings(
        environment="test",
        redis_url=stack.config.effective_redis_url,
        rasa_url=stack.config.rasa_url,
        rasa_token=stack.config.rasa_token,
        action_server_url=stack.config.actions_url,
        rate_limit_per_ip=5,
    )
    with TestClient(create_app(settings), client=("198.51.100.7", 50000)) as client:
        yield client


def test_per_address_limit(strict_api: TestClient) -> None:
    statuses = [strict_api.post("/api/v1/plans", json={}).status_code for _ in range(6)]
    assert statuses == [201] * 5 + [429]
    refused = strict_api.post("/api/v1/plans", json={})
    assert refused.json()["code"] == "rate_limited"
    # Until one more request fits in the sliding minute: within the next two minutes.
    assert 1 <= int(refused.headers["retry-after"]) <= 120


def test_per_conversation_limit(api: httpx.Client) -> None:
    session_id = str(ask(api, "hello")["session_id"])
    codes = [
        api.post("/api/v1/chat", json={"text": "hi", "session_id": session_id}).status_code
        for _ in range(31)
    ]
    assert codes == [200] * 30 + [429]  # 30 messages a minute in one conversation
    other = ask(api, "hello")  # another conversation is not affected
    assert other["topic"] == "greeting"


def test_origin_allowlist(api: httpx.Client) -> None:
    allowed = api.post(
        "/api/v1/chat",
        json={"text": "hello", "site": "demo"},
        headers={"Origin": "http://localhost:8000"},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:8000"
    foreign = api.post(
        "/api/v1/chat",
        json={"text": "hello", "site": "demo"},
        headers={"Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403 and foreign.json()["code"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in foreign.headers
    preflight = api.options(
        "/api/v1/chat",
        headers={
            "Origin": "http://localhost:8000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200


def test_security_headers(api: httpx.Client) -> None:
    page = api.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'self'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    staff = api.get("/staff/login")
    assert "frame-ancestors 'none'" in staff.headers["content-security-policy"]
    body = api.post("/api/v1/plan", json={})
    assert body.headers["content-security-policy"].startswith("default-src 'none'")
