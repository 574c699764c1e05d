"""Bad input gets a 4xx JSON error with a stable code, and nothing breaks."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.conftest import ask

pytestmark = pytest.mark.stack


def error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert body["message"]
    assert "Traceback" not in response.text


def test_empty_and_blank_text(api: httpx.Client) -> None:
    error(api.post("/api/v1/chat", json={"text": ""}), 422, "empty_text")
    error(api.post("/api/v1/chat", json={"text": "  \n\t "}), 422, "empty_text")
    error(api.post("/api/v1/chat", json={"text": "\x00\x01\x02"}), 422, "empty_text")


def test_100_kb_text(api: httpx.Client) -> None:
    error(api.post("/api/v1/chat", json={"text": "a" * 100_000}), 413, "payload_too_large")


def test_text_just_over_the_message_limit(api: httpx.Client) -> None:
    error(api.post("/api/v1/chat", json={"text": "é" * 2001}), 413, "message_too_long")


def test_invalid_json(api: httpx.Client) -> None:
    response = api.post(
        "/api/v1/chat", content=b'{"text": "hi"', headers={"content-type": "application/json"}
    )
    error(response, 400, "invalid_json")


def test_binary_body(api: httpx.Client) -> None:
    response = api.post(
        "/api/v1/chat", content=bytes(range(256)), headers={"content-type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert response.json()["code"] in ("invalid_json", "invalid_request")


@pytest.mark.parametrize(
    "body",
    [{"text": 42}, {"text": ["a"]}, {"text": "hi", "session_id": 7}, {}, {"text": "hi", "x": 1}],
)
def test_wrong_types_and_fields(api: httpx.Client, body: dict[str, object]) -> None:
    response = api.post("/api/v1/chat", json=body)
    error(response, 422, "invalid_request")
    assert response.json()["detail"][0]["field"]


def test_unknown_session(api: httpx.Client) -> None:
    response = api.post(
        "/api/v1/chat", json={"text": "hello", "session_id": "x" * 24, "locale": "nl"}
    )
    error(response, 404, "unknown_session")
    assert "gesprek" in response.json()["message"]  # the message is in the user's language


def test_unknown_route_and_method(api: httpx.Client) -> None:
    error(api.get("/api/v1/nope"), 404, "not_found")
    error(api.get("/api/v1/chat"), 405, "method_not_allowed")


def test_html_in_a_message_is_not_reflected(api: httpx.Client) -> None:
    body = ask(api, "<script>alert(1)</script> how do I register at the gemeente?")
    text = body["messages"][0]["text"]  # type: ignore[index]
    assert "<script>" not in text
    assert body["topic"] == "registration"


def test_unsupported_locale_is_ignored(api: httpx.Client) -> None:
    body = ask(api, "How do I open a Dutch bank account?", locale="xx-YY")
    assert body["locale"] == "en"


def test_markup_only_is_an_empty_question(api: httpx.Client) -> None:
    error(api.post("/api/v1/chat", json={"text": "<b></b><script></script>"}), 422, "empty_text")
