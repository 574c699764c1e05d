"""Placeholders for figures in answer texts, rendered per locale with Babel.

An answer refers to a figure by key, ``{ind_hsm_30_plus}`` (the value for the year in force),
or by key and year, ``{ruling_max_rate@2027}``. ``{year}`` is the year in force. The numbers
therefore never appear inside a translated sentence: a new January amount is one edit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency, format_decimal, format_percent

from knowledge.languages import cldr_locale
from knowledge.schema import Figure, FigureKind
from knowledge.ui_text import UiText

PLACEHOLDER = re.compile(r"\{([a-z0-9_]+)(?:@(\d{4}))?\}")
YEAR_PLACEHOLDER = "year"

_UNIT_MESSAGES: dict[FigureKind, str] = {
    FigureKind.DAYS: "unit.days",
    FigureKind.WEEKS: "unit.weeks",
    FigureKind.MONTHS: "unit.months",
    FigureKind.YEARS: "unit.years",
    FigureKind.KILOMETRES: "unit.kilometres",
}


class MissingFigureError(LookupError):
    """A placeholder names a figure, or a year of it, that the figures file does not hold."""


@dataclass(frozen=True)
class FigureRef:
    key: str
    year: int | None

    @property
    def is_year(self) -> bool:
        return self.key == YEAR_PLACEHOLDER


def figure_refs(text: str) -> list[FigureRef]:
    return [
        FigureRef(match.group(1), int(match.group(2)) if match.group(2) else None)
        for match in PLACEHOLDER.finditer(text)
    ]


def format_money(value: Decimal, locale: str) -> str:
    """Euro amounts as people read them: '€5,942' (en), '€ 5.942' (nl), cents only if any."""
    cldr = cldr_locale(locale)
    pattern = cldr.currency_formats["standard"].pattern
    if value == value.to_integral_value():
        pattern = pattern.replace(".00", "")
    return format_currency(value, "EUR", locale=cldr, format=pattern, currency_digits=False)


@dataclass(frozen=True)
class FigureFormatter:
    figures: Mapping[str, Figure]
    ui: UiText

    def value(self, ref: FigureRef, year: int) -> tuple[Figure, Decimal, int]:
        figure = self.figures.get(ref.key)
        if figure is None:
            raise MissingFigureError(f"unknown figure {ref.key!r}")
        wanted = ref.year if ref.year is not None else year
        applicable = figure.applicable_year(wanted)
        value = figure.values[applicable].value if applicable is not None else None
        if applicable is None or value is None:
            raise MissingFigureError(f"figure {ref.key!r} has no verified value for {wanted}")
        return figure, value, applicable

    def format(self, ref: FigureRef, locale: str, year: int) -> str:
        if ref.is_year:
            return str(ref.year or year)
        figure, value, _ = self.value(ref, year)
        cldr = cldr_locale(locale)
        if figure.kind is FigureKind.MONEY:
            return format_money(value, locale)
        if figure.kind is FigureKind.PERCENT:
            return format_percent(value / 100, locale=cldr)
        if figure.kind is FigureKind.COUNT:
            return format_decimal(value, locale=cldr)
        count = int(value)
        return self.ui.plural(_UNIT_MESSAGES[figure.kind], count, locale).format(
            count=format_decimal(count, locale=cldr)
        )

    def render(self, text: str, locale: str, year: int) -> str:
        return PLACEHOLDER.sub(
            lambda m: self.format(
                FigureRef(m.group(1), int(m.group(2)) if m.group(2) else None), locale, year
            ),
            text,
        )
