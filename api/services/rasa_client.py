"""The one HTTP client to the Rasa server (REST channel), created in the api's lifespan."""

from __future__ import annotations

from typing import Any

import httpx


class RasaUnavailableError(Exception):
    """Rasa did not answer, or answered with an error."""


class RasaClient:
    def __init__(self, http: httpx.AsyncClient, base_url: str, token: str) -> None:
        self._http = http
        self._base_url = base_url.rstrip("/")
        self._token = token

    async def send(self, sender: str, text: str, metadata: dict[str, Any]) -> list[dict[str, Any]]:
        """Send one user message; returns the bot's messages (custom payloads included)."""
        try:
            response = await self._http.post(
                f"{self._base_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": metadata},
            )
        except httpx.HTTPError as exc:
            raise RasaUnavailableError(str(exc)) from exc
        if response.status_code != 200:
            raise RasaUnavailableError(f"rasa answered {response.status_code}")
        body = response.json()
        if not isinstance(body, list):
            raise RasaUnavailableError("unexpected response from rasa")
        return body

    async def is_ready(self, timeout_seconds: float) -> bool:
        """True when the server is up and has a model loaded."""
        try:
            response = await self._http.get(
                f"{self._base_url}/status", params={"token": self._token}, timeout=timeout_seconds
            )
        except httpx.HTTPError:
            return False
        return response.status_code == 200 and bool(response.json().get("model_file"))
