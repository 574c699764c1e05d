"""Folders and executables of the checkout that the runner uses."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BOT_DIR = REPO_ROOT / "bot"
VAR_DIR = REPO_ROOT / "var"
RASA_VENV = REPO_ROOT / ".venv-rasa"
APP_VENV = REPO_ROOT / ".venv"
RASA_BIN = RASA_VENV / "bin" / "rasa"
APP_PYTHON = APP_VENV / "bin" / "python"


def cache_dir() -> Path:
    """Trained models are cached here by a hash of their inputs (WELKOM_CACHE_DIR overrides)."""
    configured = os.environ.get("WELKOM_CACHE_DIR")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "welkom"
