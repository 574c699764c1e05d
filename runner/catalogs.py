"""Compiling the gettext catalogs (``pybabel compile``), which also validates them."""

from __future__ import annotations

import subprocess
import sys

from runner.paths import APP_VENV, REPO_ROOT


def compile_catalogs() -> None:
    result = subprocess.run(
        [
            str(APP_VENV / "bin" / "pybabel"),
            "compile",
            "-d",
            "locales",
            "-D",
            "messages",
            "--statistics",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"[catalogs] compiling failed:\n{result.stderr}")
    print("[catalogs] compiled", flush=True)
