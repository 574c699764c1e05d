"""The languages Welkom speaks, and how contract locale ids map to CLDR locales."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, negotiate_locale

SOURCE_LOCALE = "en"

# Contract id -> CLDR locale used for formatting, plural rules and catalog folders.
CLDR_LOCALES: dict[str, str] = {
    "en": "en",
    "nl": "nl",
    "es": "es",
    "pt": "pt_BR",
    "tr": "tr",
    "zh": "zh_Hans",
    "hi": "hi",
    "ar": "ar",
    "ru": "ru",
    "uk": "uk",
}
SUPPORTED_LOCALES: tuple[str, ...] = tuple(CLDR_LOCALES)
RTL_LOCALES = frozenset({"ar"})


def cldr_locale(locale: str) -> Locale:
    return Locale.parse(CLDR_LOCALES.get(locale, SOURCE_LOCALE))


def normalize_locale(value: str | None) -> str | None:
    """Map user input such as 'pt-BR', 'zh_CN' or 'NL' to a supported contract id, else None."""
    if not value:
        return None
    base = value.strip().replace("_", "-").split("-")[0].lower()
    return base if base in CLDR_LOCALES else None


def negotiate(accept_language: str | None) -> str | None:
    """The best supported language in an Accept-Language header, or None."""
    if not accept_language:
        return None
    preferred = []
    for part in accept_language.split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            preferred.append((quality, tag.replace("-", "_")))
    ordered = [tag for _, tag in sorted(preferred, key=lambda p: -p[0])]
    found = negotiate_locale(ordered, list(CLDR_LOCALES) + list(CLDR_LOCALES.values()), sep="_")
    return normalize_locale(found)


def language_name(locale: str, in_locale: str) -> str:
    """The name of a supported language, written in another one (CLDR)."""
    return str(cldr_locale(locale).get_language_name(cldr_locale(in_locale)))


# Spellings people use that CLDR does not list.
NAME_ALIASES = {"हिंदी": "hi", "mandarin": "zh", "普通话": "zh", "汉语": "zh", "عربي": "ar"}


@lru_cache(maxsize=1)
def _name_table() -> dict[str, str]:
    table: dict[str, str] = dict(NAME_ALIASES)
    for target in CLDR_LOCALES:
        for shown_in in CLDR_LOCALES:
            table[language_name(target, shown_in).casefold()] = target
    return table


def requested_language(text: str) -> str | None:
    """The supported language a message names ("in Turkish please", "Türkçe", "по-русски"),
    if exactly one is named; used once the NLU has recognised a request to change language."""
    folded = text.casefold()
    found = set()
    for name, locale in _name_table().items():
        stem = name[: max(4, len(name) - 3)] if name.isascii() or len(name) > 5 else name
        if stem and stem in folded:
            found.add(locale)
    return found.pop() if len(found) == 1 else None
