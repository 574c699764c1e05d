"""Where the knowledge files live in the repository."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ENTRIES_DIR = REPO_ROOT / "knowledge" / "entries"
FIGURES_FILE = REPO_ROOT / "knowledge" / "figures.yml"
UI_MESSAGES_FILE = REPO_ROOT / "locales" / "ui-messages.yml"
LOCALES_DIR = REPO_ROOT / "locales"
CATALOG_DOMAIN = "messages"
