"""Interface sentences (greeting, out-of-scope, errors, units), kept as data in
``locales/ui-messages.yml`` and translated through the same gettext catalogs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.languages import SOURCE_LOCALE
from knowledge.paths import UI_MESSAGES_FILE
from knowledge.translations import Catalogs

UI_CONTEXT_PREFIX = "ui:"


@dataclass(frozen=True)
class PluralText:
    one: str
    other: str


UiMessage = str | PluralText


def load_ui_messages(path: Path = UI_MESSAGES_FILE) -> dict[str, UiMessage]:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    messages: dict[str, UiMessage] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            messages[key] = value
        elif isinstance(value, dict) and set(value) == {"one", "other"}:
            messages[key] = PluralText(one=str(value["one"]), other=str(value["other"]))
        else:
            raise ValueError(f"{path.name}: {key!r} must be a string or {{one, other}}")
    return messages


@dataclass(frozen=True)
class LocalizedText:
    text: str
    locale: str  # the language the text is actually in
    current: bool  # False when the translation was missing or fuzzy and English is served


@dataclass(frozen=True)
class UiText:
    messages: Mapping[str, UiMessage]
    catalogs: Catalogs

    def get(self, key: str, locale: str, **params: str) -> LocalizedText:
        """The message in locale (English if not current), with its placeholders filled."""
        found = self.template(key, locale)
        return LocalizedText(found.text.format(**params), found.locale, found.current)

    def template(self, key: str, locale: str) -> LocalizedText:
        """The message with its {placeholders} left in, for clients that fill them."""
        message = self.messages[key]
        english = message if isinstance(message, str) else message.other
        translated = self.catalogs.pgettext(locale, UI_CONTEXT_PREFIX + key, english)
        if translated is None:
            return LocalizedText(english, SOURCE_LOCALE, locale == SOURCE_LOCALE)
        return LocalizedText(translated, locale, True)

    def text(self, key: str, locale: str, **params: str) -> str:
        return self.get(key, locale, **params).text

    def plural(self, key: str, count: int, locale: str) -> str:
        message = self.messages[key]
        if not isinstance(message, PluralText):
            raise TypeError(f"{key!r} is not a plural message")
        translated = self.catalogs.npgettext(
            locale, UI_CONTEXT_PREFIX + key, message.one, message.other, count
        )
        if translated is not None:
            return translated
        return message.one if count == 1 else message.other

    def all_for(self, locale: str) -> dict[str, str]:
        """Every plain message in locale (English where not current): the widget's strings."""
        return {
            key: self.template(key, locale).text
            for key, message in self.messages.items()
            if isinstance(message, str)
        }
