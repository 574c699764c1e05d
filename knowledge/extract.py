"""Babel extractors for the YAML sources of translatable text (see babel.cfg).

Every message carries a context (``entry:<id>:<field>``, ``plan:<step>:<field>``, ``ui:<key>``),
so that when the English text changes, ``pybabel update`` keeps the old translation but marks it
fuzzy, and a fuzzy translation is never served as current.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

import yaml

from knowledge.plan.schema import StepDefinition
from knowledge.plan.schema import translatable_fields as plan_fields
from knowledge.render import translatable_fields
from knowledge.schema import Entry
from knowledge.ui_text import UI_CONTEXT_PREFIX

Extracted = tuple[int, str, tuple[str, ...], list[str]]
TRANSLATOR_NOTE = (
    "Keep {placeholders} and Markdown as they are. Keep official Dutch terms in Dutch and add "
    "a translation in brackets where it helps."
)


def extract_entry(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    entry = Entry.model_validate(yaml.safe_load(fileobj.read().decode("utf-8")))
    for lineno, (context, text) in enumerate(translatable_fields(entry), start=1):
        yield lineno, "pgettext", (context, text), [TRANSLATOR_NOTE]


def extract_ui_messages(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    raw: dict[str, Any] = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for lineno, (key, value) in enumerate(raw.items(), start=1):
        context = UI_CONTEXT_PREFIX + key
        if isinstance(value, dict):
            yield lineno, "npgettext", (context, value["one"], value["other"]), [TRANSLATOR_NOTE]
        else:
            yield lineno, "pgettext", (context, str(value)), [TRANSLATOR_NOTE]


def extract_plan_steps(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    raw = yaml.safe_load(fileobj.read().decode("utf-8")) or []
    lineno = 0
    for item in raw:
        step = StepDefinition.model_validate(item)
        for context, text in plan_fields(step):
            lineno += 1
            yield lineno, "pgettext", (context, text), [TRANSLATOR_NOTE]
