"""Turning an entry into the answer a user reads, in their language, with figures filled in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import KnowledgeBase
from knowledge.languages import SOURCE_LOCALE
from knowledge.schema import Entry
from knowledge.translations import Catalogs


def field_context(entry_id: str, field: str) -> str:
    """The gettext msgctxt of one translatable field of an entry."""
    return f"entry:{entry_id}:{field}"


def translatable_fields(entry: Entry) -> list[tuple[str, str]]:
    """(context, English text) of every translatable part of an entry, in reading order."""
    fields = [
        (field_context(entry.id, "title"), entry.title),
        (field_context(entry.id, "answer"), entry.answer.strip()),
    ]
    fields += [
        (field_context(entry.id, f"step{index}"), step.strip())
        for index, step in enumerate(entry.steps, start=1)
    ]
    return fields


@dataclass(frozen=True)
class RenderedSource:
    title: str
    url: str
    publisher: str
    verified: str  # ISO date the entry was last verified against this source


@dataclass(frozen=True)
class RenderedEntry:
    entry_id: str
    topic: str
    title: str
    text: str
    sources: list[RenderedSource]
    dutch_terms: list[str]
    locale: str  # language actually served
    current: bool  # False when the requested translation was missing or fuzzy


@dataclass(frozen=True)
class EntryRenderer:
    knowledge: KnowledgeBase
    catalogs: Catalogs
    formatter: FigureFormatter

    def render(self, entry: Entry, locale: str, today: date) -> RenderedEntry:
        english = translatable_fields(entry)
        texts = [self.catalogs.pgettext(locale, ctx, msgid) for ctx, msgid in english]
        current = all(text is not None for text in texts)
        served = locale if current else SOURCE_LOCALE
        parts = [t for t in texts if t is not None] if current else [m for _, m in english]
        title, answer, *steps = (self.formatter.render(p, served, today.year) for p in parts)
        text = answer
        if steps:
            text += "\n\n" + "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
        return RenderedEntry(
            entry_id=entry.id,
            topic=entry.topic.value,
            title=title,
            text=text,
            sources=[
                RenderedSource(
                    title=source.title,
                    url=str(source.url),
                    publisher=source.publisher,
                    verified=entry.verified.isoformat(),
                )
                for source in entry.sources
            ],
            dutch_terms=list(entry.dutch_terms),
            locale=served,
            current=current or locale == SOURCE_LOCALE,
        )

    def title(self, entry: Entry, locale: str) -> str:
        ctx, english = translatable_fields(entry)[0]
        return self.catalogs.pgettext(locale, ctx, english) or english
