"""Security headers on every response; pages that may be framed say by whom (per site)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages: our own scripts only; inline styles for the widget's shadow DOM; data: images (SVG).
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors {ancestors}"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, frame_ancestors: Callable[[str], str]) -> None:
        self.app = app
        self.frame_ancestors = frame_ancestors  # path -> CSP frame-ancestors value

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                content_type = next((v for k, v in headers if k == b"content-type"), b"")
                csp = (
                    PAGE_CSP.format(ancestors=self.frame_ancestors(path))
                    if content_type.startswith(b"text/html")
                    else API_CSP
                )
                headers += [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
