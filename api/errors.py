"""Errors the api returns: JSON with a stable ``code``, a readable message from the catalogs,
never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from knowledge.languages import SOURCE_LOCALE
from knowledge.ui_text import UiText

logger = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with a stable code; the message is ui text ``error.<code>`` or message_key."""

    def __init__(
        self,
        status: int,
        code: str,
        *,
        message_key: str | None = None,
        locale: str = SOURCE_LOCALE,
        params: dict[str, str] | None = None,
        detail: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message_key = message_key or f"error.{code}"
        self.locale = locale
        self.params = params or {}
        self.detail = detail or []
        self.headers = headers or {}


def error_body(
    code: str, message: str, detail: list[dict[str, str]] | None = None
) -> dict[str, object]:
    return {"code": code, "message": message, "detail": detail or []}


def install_error_handlers(app: FastAPI) -> None:
    def ui(request: Request) -> UiText:
        text: UiText = request.app.state.ui
        return text

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        message = ui(request).text(exc.message_key, exc.locale, **exc.params)
        return JSONResponse(
            error_body(exc.code, message, exc.detail), status_code=exc.status, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(err.get("type") == "json_invalid" for err in errors):
            message = ui(request).text("error.invalid_json", SOURCE_LOCALE)
            return JSONResponse(error_body("invalid_json", message), 400)
        detail = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body",
                "problem": str(err.get("msg", "")),
            }
            for err in errors
        ]
        message = ui(request).text("error.invalid_request", SOURCE_LOCALE)
        return JSONResponse(error_body("invalid_request", message, detail), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {
            404: "not_found",
            405: "method_not_allowed",
            413: "payload_too_large",
            415: "unsupported_media_type",
        }
        code = codes.get(exc.status_code, "http_error")
        message = ui(request).text(f"error.{code}", SOURCE_LOCALE)
        return JSONResponse(error_body(code, message), exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error: %s", type(exc).__name__)
        message = ui(request).text("error.internal_error", SOURCE_LOCALE)
        return JSONResponse(error_body("internal_error", message), 500)
