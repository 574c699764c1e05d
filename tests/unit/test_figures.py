"""Figures render from the year-indexed file, formatted for each locale."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.figure_format import FigureFormatter, FigureRef, MissingFigureError, format_money
from knowledge.knowledge_base import KnowledgeBase
from knowledge.ui_text import UiText


def nbsp_free(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u200f", "")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "€5,942"), ("nl", "€ 5.942"), ("es", "5.942 €"), ("ru", "5 942 €"), ("tr", "€5.942")],
)
def test_money_is_formatted_per_locale(locale: str, expected: str) -> None:
    assert nbsp_free(format_money(Decimal(5942), locale)) == expected


def test_cents_are_kept_only_when_there_are_cents() -> None:
    assert format_money(Decimal("496.74"), "en") == "€496.74"
    assert nbsp_free(format_money(Decimal("496.74"), "nl")) == "€ 496,74"


def test_salary_criterion_follows_the_year(formatter: FigureFormatter) -> None:
    ref = FigureRef("ind_hsm_30_plus", None)
    assert formatter.format(ref, "en", 2026) == "€5,942"
    assert formatter.format(ref, "en", 2025) == "€5,688"
    assert formatter.format(FigureRef("ind_hsm_under_30", None), "en", 2026) == "€4,357"
    assert formatter.format(FigureRef("ind_hsm_reduced", None), "en", 2026) == "€3,122"


def test_fixed_rules_apply_in_later_years(formatter: FigureFormatter) -> None:
    assert formatter.format(FigureRef("brp_registration_days", None), "en", 2031) == "5 days"


def test_units_use_the_locale_plural_rules(formatter: FigureFormatter) -> None:
    assert formatter.format(FigureRef("brp_registration_days", None), "nl", 2026) == "5 dagen"
    assert formatter.format(FigureRef("health_insurance_deadline_months", None), "nl", 2026) == (
        "4 maanden"
    )


def test_an_unverified_year_is_never_rendered(formatter: FigureFormatter) -> None:
    with pytest.raises(MissingFigureError):
        formatter.format(FigureRef("ruling_salary_norm", None), "en", 2026)


def test_explicit_year_reference(formatter: FigureFormatter) -> None:
    text = formatter.render("{ruling_max_rate} now, {ruling_max_rate@2027} from 2027", "en", 2026)
    assert text == "30% now, 27% from 2027"


@pytest.fixture
def formatter(knowledge: KnowledgeBase, ui: UiText) -> FigureFormatter:
    return FigureFormatter(knowledge.figures, ui)
