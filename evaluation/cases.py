"""Held-out evaluation cases: written apart from the training data and never trained on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

HELDOUT_DIR = Path(__file__).resolve().parent / "heldout"


@dataclass(frozen=True)
class Case:
    language: str
    text: str
    topic: str  # expected contract topic (out_of_scope, human_handoff, greeting included)
    entry: str | None = None  # expected entry, when one entry is clearly the answer


def load_cases(heldout_dir: Path = HELDOUT_DIR) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(heldout_dir.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        language = str(data["language"])
        for item in data.get("cases") or []:
            cases.append(
                Case(language, str(item["text"]), str(item["topic"]), item.get("entry") or None)
            )
    return cases


def training_overlap(cases: list[Case], training_examples: set[str]) -> list[Case]:
    """Cases whose text also appears in the training data (must be none)."""
    return [case for case in cases if _norm(case.text) in training_examples]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def normalized(texts: list[str]) -> set[str]:
    return {_norm(text) for text in texts}
