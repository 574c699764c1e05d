"""Compiling the gettext catalogs to .mo files, which also validates them.

Not ``pybabel compile``: Babel flags any msgid containing "30% r..." as python-format and then
rejects translations such as "30 %-regeling". Welkom's messages use {brace} placeholders,
which ``python -m knowledge check`` verifies; here every catalog is parsed, its plural forms
checked, and written as .mo.
"""

from __future__ import annotations

import sys

from babel.messages.catalog import TranslationError
from babel.messages.checkers import num_plurals
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from knowledge.languages import CLDR_LOCALES, SOURCE_LOCALE
from knowledge.translations import catalog_path


def compile_catalogs() -> None:
    problems = []
    for locale, cldr in CLDR_LOCALES.items():
        if locale == SOURCE_LOCALE:
            continue
        path = catalog_path(locale)
        try:
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=cldr, abort_invalid=True)
        except Exception as exc:  # a broken file: name it and stop
            problems.append(f"{path}: {exc}")
            continue
        for message in catalog:
            if not message.id or message.fuzzy or not message.string:
                continue
            try:
                num_plurals(catalog, message)
            except TranslationError as exc:
                problems.append(f"{path}: {message.context}: {exc}")
        with path.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    if problems:
        sys.exit("[catalogs] invalid catalogs:\n" + "\n".join(problems))
    print("[catalogs] compiled", flush=True)
