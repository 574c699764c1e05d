"""Gettext catalogs for knowledge and UI text, read from the .po files.

The .po files are read directly (not the compiled .mo) so that a fuzzy entry is known to be
fuzzy: a stale translation is never served as current; callers get ``None`` and fall back to
English, saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from gettext import c2py
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from knowledge.languages import CLDR_LOCALES, SOURCE_LOCALE
from knowledge.paths import CATALOG_DOMAIN, LOCALES_DIR


def catalog_path(locale: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / CLDR_LOCALES[locale] / "LC_MESSAGES" / f"{CATALOG_DOMAIN}.po"


@dataclass(frozen=True)
class Catalogs:
    """Current (non-fuzzy, non-empty) translations per contract locale."""

    by_locale: dict[str, Catalog]

    @classmethod
    def load(cls, locales_dir: Path = LOCALES_DIR) -> Catalogs:
        loaded: dict[str, Catalog] = {}
        for locale in CLDR_LOCALES:
            if locale == SOURCE_LOCALE:
                continue
            path = catalog_path(locale, locales_dir)
            if path.exists():
                with path.open("rb") as handle:
                    loaded[locale] = read_po(handle, locale=CLDR_LOCALES[locale])
        return cls(by_locale=loaded)

    def pgettext(self, locale: str, context: str, msgid: str) -> str | None:
        """The translation of msgid in locale, or None when missing, empty or fuzzy."""
        if locale == SOURCE_LOCALE:
            return msgid
        catalog = self.by_locale.get(locale)
        if catalog is None:
            return None
        message = catalog.get(msgid, context=context)
        if message is None or message.fuzzy or not isinstance(message.string, str):
            return None
        return message.string or None

    def npgettext(
        self, locale: str, context: str, singular: str, plural: str, count: int
    ) -> str | None:
        """The plural form for count in locale (CLDR rules), or None when not current."""
        if locale == SOURCE_LOCALE:
            return singular if count == 1 else plural
        catalog = self.by_locale.get(locale)
        if catalog is None:
            return None
        message = catalog.get(singular, context=context)
        if message is None or message.fuzzy or not isinstance(message.string, tuple | list):
            return None
        forms = list(message.string)
        index = _plural_index(catalog, count)
        if index >= len(forms) or not forms[index]:
            return None
        return str(forms[index])


def _plural_index(catalog: Catalog, count: int) -> int:
    # The catalog's Plural-Forms header is a C expression in n, e.g. "(n != 1)".
    return int(c2py(catalog.plural_expr)(count))
