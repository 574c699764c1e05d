"""``python -m api``: serve the api with uvicorn on the configured host and port."""

from __future__ import annotations

import uvicorn

from api.core.config import get_settings
from api.main import create_app
from api.observability import configure_logging


def main() -> None:
    settings = get_settings()
    configure_logging()
    # One JSON line per request comes from the app itself (route templates, no ids or text).
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        timeout_keep_alive=settings.keep_alive_seconds,
    )


if __name__ == "__main__":
    main()
