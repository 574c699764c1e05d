"""Loading entries and figures from YAML into one validated, read-only knowledge base."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge.paths import ENTRIES_DIR, FIGURES_FILE
from knowledge.schema import Entry, Figure, Topic


class KnowledgeLoadError(Exception):
    """Raised with every problem found, not only the first."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class KnowledgeBase:
    entries: Mapping[str, Entry]
    figures: Mapping[str, Figure]
    files: Mapping[str, Path] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def by_topic(self, topic: Topic) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.topic == topic]


def entry_files(entries_dir: Path = ENTRIES_DIR) -> list[Path]:
    return sorted(entries_dir.rglob("*.yml"))


def load_figures(path: Path = FIGURES_FILE) -> dict[str, Figure]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems: list[str] = []
    figures: dict[str, Figure] = {}
    for key, body in raw.items():
        try:
            figures[str(key)] = Figure.model_validate(body)
        except ValidationError as exc:
            problems.append(f"{path.name}: figure {key}: {_short(exc)}")
    if problems:
        raise KnowledgeLoadError(problems)
    return figures


def load_knowledge_base(
    entries_dir: Path = ENTRIES_DIR, figures_file: Path = FIGURES_FILE
) -> KnowledgeBase:
    problems: list[str] = []
    try:
        figures = load_figures(figures_file)
    except KnowledgeLoadError as exc:
        problems.extend(exc.problems)
        figures = {}
    entries: dict[str, Entry] = {}
    files: dict[str, Path] = {}
    for path in entry_files(entries_dir):
        rel = path.relative_to(entries_dir)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            entry = Entry.model_validate(raw)
        except (yaml.YAMLError, ValidationError) as exc:
            problems.append(f"{rel}: {_short(exc)}")
            continue
        if entry.id in entries:
            problems.append(f"{rel}: duplicate id {entry.id!r} (also in {files[entry.id].name})")
            continue
        if path.stem != entry.id:
            problems.append(f"{rel}: file name must be the entry id {entry.id!r}")
        entries[entry.id] = entry
        files[entry.id] = path
    if problems:
        raise KnowledgeLoadError(problems)
    return KnowledgeBase(entries=entries, figures=figures, files=files)


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}"
            for err in exc.errors()
        )
    return str(exc).replace("\n", " ")
