"""Facts through the chat api: the year's salary criteria with year and source, and deadlines."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from knowledge.figure_format import format_money
from knowledge.knowledge_base import KnowledgeBase
from tests.integration.conftest import ask

pytestmark = pytest.mark.stack
YEAR = date.today().year


def amount(knowledge: KnowledgeBase, key: str, locale: str) -> str:
    figure = knowledge.figures[key]
    year = figure.applicable_year(YEAR)
    assert year is not None
    value = figure.values[year].value
    assert value is not None
    return format_money(value, locale)


def answer_text(body: dict[str, object]) -> str:
    return str(body["messages"][0]["text"])  # type: ignore[index]


@pytest.mark.parametrize(
    "question",
    [
        "What salary do I need for a highly skilled migrant permit? I am 34.",
        "minimum income kennismigrant visa this year",
    ],
)
def test_salary_criterion_in_english(
    api: httpx.Client, knowledge: KnowledgeBase, question: str
) -> None:
    body = ask(api, question)
    assert body["entry"] == "ind-salary-requirement-highly-skilled-migrant"
    text = answer_text(body)
    for key in ("ind_hsm_30_plus", "ind_hsm_under_30", "ind_hsm_reduced"):
        assert amount(knowledge, key, "en") in text
    assert str(YEAR) in text
    urls = [s["url"] for s in body["messages"][0]["sources"]]  # type: ignore[index]
    assert any("meijburg" in url for url in urls)
    if YEAR == 2026:
        assert "€5,942" in text and "€4,357" in text and "€3,122" in text


def test_salary_criterion_in_dutch(api: httpx.Client, knowledge: KnowledgeBase) -> None:
    body = ask(api, "Hoeveel moet ik minimaal verdienen als kennismigrant?")
    assert body["entry"] == "ind-salary-requirement-highly-skilled-migrant"
    assert body["locale"] == "nl"
    assert amount(knowledge, "ind_hsm_30_plus", "nl") in answer_text(body)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many days do I have to register at the municipality after I arrive?", "5 days"),
        ("When do I have to take out Dutch health insurance?", "4 months"),
        ("What is the deadline to apply for the 30% ruling?", "4 months"),
    ],
)
def test_deadlines(api: httpx.Client, question: str, expected: str) -> None:
    assert expected in answer_text(ask(api, question))
