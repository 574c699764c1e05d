"""Reading the bot's NLU training files, to check that every entry is covered per language."""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.paths import REPO_ROOT

NLU_DIR = REPO_ROOT / "bot" / "data" / "nlu"


def examples_by_intent(path: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, list[str]] = {}
    for block in data.get("nlu") or []:
        if "intent" not in block:
            continue
        lines = str(block.get("examples") or "").splitlines()
        examples = [line.strip()[2:].strip() for line in lines if line.strip().startswith("- ")]
        found.setdefault(str(block["intent"]), []).extend(examples)
    return found


def count_examples(nlu_dir: Path = NLU_DIR) -> dict[str, dict[str, int]]:
    """locale -> intent -> number of training examples."""
    counts: dict[str, dict[str, int]] = {}
    for locale_dir in sorted(p for p in nlu_dir.iterdir() if p.is_dir()):
        per_intent = counts.setdefault(locale_dir.name, {})
        for path in sorted(locale_dir.rglob("*.yml")):
            for intent, examples in examples_by_intent(path).items():
                per_intent[intent] = per_intent.get(intent, 0) + len(examples)
    return counts
