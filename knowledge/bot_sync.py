"""Keeps the Rasa domain and rules in step with the knowledge entries.

Each entry id is an intent of the bot, answered by ``action_answer_entry``. The two generated
files are committed (so ``bot/`` trains on its own) and the knowledge check fails when they
are out of date.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.knowledge_base import KnowledgeBase
from knowledge.paths import REPO_ROOT

DOMAIN_FILE = REPO_ROOT / "bot" / "domain" / "knowledge.yml"
RULES_FILE = REPO_ROOT / "bot" / "data" / "rules" / "knowledge.yml"
ANSWER_ACTION = "action_answer_entry"
HEADER = "# Generated from knowledge/entries by `python -m knowledge sync-bot`; do not edit.\n"


def domain_text(knowledge: KnowledgeBase) -> str:
    body = {
        "version": "3.1",
        "intents": sorted(knowledge.entries),
        "actions": [ANSWER_ACTION],
    }
    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)


def rules_text(knowledge: KnowledgeBase) -> str:
    rules = [
        {"rule": f"answer {entry_id}", "steps": [{"intent": entry_id}, {"action": ANSWER_ACTION}]}
        for entry_id in sorted(knowledge.entries)
    ]
    body = {"version": "3.1", "rules": rules}
    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)


def generated_files(knowledge: KnowledgeBase) -> dict[Path, str]:
    return {DOMAIN_FILE: domain_text(knowledge), RULES_FILE: rules_text(knowledge)}


def write(knowledge: KnowledgeBase) -> list[Path]:
    changed = []
    for path, text in generated_files(knowledge).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale(knowledge: KnowledgeBase) -> list[Path]:
    return [
        path
        for path, text in generated_files(knowledge).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


DOMAIN_DIR = REPO_ROOT / "bot" / "domain"


def conversational_intents() -> set[str]:
    """Intents of the hand-written domain files (everything but the generated knowledge.yml)."""
    intents: set[str] = set()
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        if path == DOMAIN_FILE:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        intents |= {str(intent) for intent in data.get("intents") or []}
    return intents
