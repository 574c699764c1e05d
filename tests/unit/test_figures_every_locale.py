"""Every figure renders, for the year in force, in every supported locale."""

from __future__ import annotations

from datetime import date

import pytest
from babel.numbers import format_decimal, format_percent

from knowledge.figure_format import FigureFormatter, FigureRef
from knowledge.knowledge_base import KnowledgeBase, load_knowledge_base
from knowledge.languages import SUPPORTED_LOCALES, cldr_locale
from knowledge.schema import FigureKind
from knowledge.ui_text import UiText

YEAR = date.today().year
FIGURES = load_knowledge_base().figures
RENDERABLE = sorted(
    key
    for key, figure in FIGURES.items()
    if (year := figure.applicable_year(YEAR)) is not None and figure.values[year].value is not None
)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("key", RENDERABLE)
def test_figure_renders_in_locale(
    key: str, locale: str, knowledge: KnowledgeBase, ui: UiText
) -> None:
    formatter = FigureFormatter(knowledge.figures, ui)
    figure, value, _ = formatter.value(FigureRef(key, None), YEAR)
    text = formatter.format(FigureRef(key, None), locale, YEAR)
    cldr = cldr_locale(locale)
    assert "{" not in text and text.strip()
    if figure.kind is FigureKind.MONEY:
        assert "€" in text or "EUR" in text
        whole = format_decimal(int(value), locale=cldr)
        assert whole in text  # grouped the locale's way: 5,942 / 5.942 / 5 942
    elif figure.kind is FigureKind.PERCENT:
        assert text == format_percent(value / 100, locale=cldr)
    else:
        assert format_decimal(int(value), locale=cldr) in text


def test_dutch_and_english_examples(knowledge: KnowledgeBase, ui: UiText) -> None:
    formatter = FigureFormatter(knowledge.figures, ui)
    ref = FigureRef("ind_hsm_30_plus", None)
    assert formatter.format(ref, "nl", 2026).replace("\xa0", " ") == "€ 5.942"
    assert formatter.format(ref, "en", 2026) == "€5,942"
    assert formatter.format(FigureRef("health_own_risk", None), "en", 2026) == "€385"
