"""``python -m api``: serve the api with uvicorn on the configured host and port."""

from __future__ import annotations

import uvicorn

from api.core.config import get_settings
from api.main import create_app


def main() -> None:
    settings = get_settings()
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


if __name__ == "__main__":
    main()
