"""Free-text answers to the plan questions, in all ten languages (spaCy rules + Babel names)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from knowledge.plan.answers import Problem, answer_reader, parse_amount
from knowledge.plan.municipalities import MunicipalityIndex
from knowledge.plan.profile import Permit

TODAY = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "3 March", date(2027, 3, 3)),  # no year: the next 3 March
        ("en", "March 3rd 2027", date(2027, 3, 3)),
        ("en", "15/04", date(2027, 4, 15)),  # day first, as in the Netherlands
        ("en", "04/15/2027", date(2027, 4, 15)),  # only month-first makes sense
        ("en", "2027-03-01", date(2027, 3, 1)),
        ("en", "next Monday", date(2026, 11, 30)),
        ("en", "in 3 weeks", date(2026, 12, 14)),
        ("en", "two weeks ago", date(2026, 11, 9)),
        ("en", "20 November", date(2026, 11, 20)),  # three days ago, not next year
        ("en", "Thursday next week", date(2026, 12, 3)),  # not the coming Thursday
        ("nl", "volgende week donderdag", date(2026, 12, 3)),
        ("nl", "do", date(2026, 11, 26)),  # Dutch abbreviations in Dutch
        ("nl", "3 maart", date(2027, 3, 3)),
        ("nl", "1 maart 2027", date(2027, 3, 1)),
        ("nl", "over 3 weken", date(2026, 12, 14)),
        ("nl", "morgen", date(2026, 11, 24)),
        ("es", "3 de marzo", date(2027, 3, 3)),
        ("es", "1 de marzo de 2027", date(2027, 3, 1)),
        ("es", "hace 3 días", date(2026, 11, 20)),
        ("pt", "3 de março", date(2027, 3, 3)),
        ("pt", "próxima segunda", date(2026, 11, 30)),
        ("tr", "1 Mart 2027", date(2027, 3, 1)),
        ("tr", "2 hafta sonra", date(2026, 12, 7)),
        ("zh", "2027年3月1日", date(2027, 3, 1)),
        ("zh", "3月15日", date(2027, 3, 15)),
        ("zh", "下周三", date(2026, 12, 2)),
        ("zh", "明天", date(2026, 11, 24)),
        ("hi", "15 अप्रैल 2027", date(2027, 4, 15)),
        ("ar", "١٥ أبريل", date(2027, 4, 15)),  # Arabic-Indic digits
        ("ar", "3 مارس 2027", date(2027, 3, 3)),
        ("ar", "15 آذار 2027", date(2027, 3, 15)),  # Levantine month names
        ("ar", "1 نيسان", date(2027, 4, 1)),
        ("ar", "كانون الثاني 2027", date(2027, 1, 1)),
        ("ru", "1 марта 2027", date(2027, 3, 1)),
        ("ru", "через 3 недели", date(2026, 12, 14)),
        ("uk", "3 березня", date(2027, 3, 3)),
        ("uk", "наступного понеділка", date(2026, 11, 30)),
    ],
)
def test_dates(language: str, text: str, expected: date) -> None:
    assert answer_reader(language).date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "31/02/2027"),
        ("en", "whenever"),
        ("nl", "geen idee wanneer"),
        ("en", "How do I get a BSN?"),  # the Dutch "do" (Thursday) is no English date
    ],
)
def test_impossible_or_missing_dates(language: str, text: str) -> None:
    assert answer_reader(language).date(text, TODAY) is None


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "5,200 gross", Decimal(5200)),
        ("en", "about 5200", Decimal(5200)),
        ("en", "70k a year", Decimal(5833)),
        ("en", "€4.500 per month", Decimal(4500)),
        ("nl", "5.200 bruto", Decimal(5200)),
        ("nl", "60.000 per jaar", Decimal(5000)),
        ("ru", "5 200 брутто", Decimal(5200)),
        ("tr", "5.200 brüt", Decimal(5200)),
        ("zh", "月薪2万", Decimal(20000)),
    ],
)
def test_salaries(language: str, text: str, expected: Decimal) -> None:
    assert answer_reader(language).salary(text) == expected


def test_a_net_salary_is_asked_again_as_gross() -> None:
    assert answer_reader("en").salary("6000 net") is Problem.NET_SALARY
    assert answer_reader("nl").salary("4000 netto per maand") is Problem.NET_SALARY
    assert answer_reader("en").salary("a good one") is Problem.SALARY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.200", Decimal(5200)),
        ("5,200", Decimal(5200)),
        ("5 200", Decimal(5200)),
        ("5,5", Decimal("5.5")),
        ("1.234.567", Decimal(1234567)),
        ("5.20.1", None),
    ],
)
def test_amounts(text: str, expected: Decimal | None) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("language", "yes", "no", "skip"),
    [
        ("en", "yes I am", "nope", "not sure"),
        ("nl", "ja", "nee", "weet niet"),
        ("es", "sí", "no", "no sé"),
        ("pt", "sim", "não", "não sei"),
        ("tr", "evet", "hayır", "bilmiyorum"),
        ("zh", "是", "没有", "不知道"),
        ("hi", "हाँ", "नहीं", "पता नहीं"),
        ("ar", "نعم", "لا", "لا أعرف"),
        ("ru", "да", "нет", "не знаю"),
        ("uk", "так", "ні", "не знаю"),
    ],
)
def test_yes_no_and_skip(language: str, yes: str, no: str, skip: str) -> None:
    reader = answer_reader(language)
    assert reader.yes_no(yes) is True
    assert reader.yes_no(no) is False
    assert reader.is_skip(skip) and not reader.is_skip(yes)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I don't know yet"),  # "I don't" also reads as "no": skipping wins
        ("nl", "Dat weet ik nog niet"),
        ("es", "todavía no sé"),
    ],
)
def test_not_knowing_yet_skips_the_question(language: str, text: str) -> None:
    assert answer_reader(language).is_skip(text)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "I'm a kennismigrant", Permit.HIGHLY_SKILLED_MIGRANT),
        ("en", "I have a blue card", Permit.EU_BLUE_CARD),
        ("nl", "zoekjaar", Permit.ORIENTATION_YEAR),
        ("ru", "голубая карта", Permit.EU_BLUE_CARD),
        ("zh", "高技术移民", Permit.HIGHLY_SKILLED_MIGRANT),
        ("es", "soy investigador", Permit.RESEARCHER),
    ],
)
def test_permits(language: str, text: str, expected: Permit) -> None:
    assert answer_reader(language).permit(text) is expected


def test_eu_citizenship_and_degrees() -> None:
    assert answer_reader("en").eu_citizen("I'm Swiss") is True
    assert answer_reader("en").eu_citizen("non-EU") is False
    assert answer_reader("en").masters("I have an MSc") is True
    assert answer_reader("en").masters("only a bachelor") is False
    assert answer_reader("en").age("I'm 29") == 29
    assert answer_reader("nl").age("ik ben 34 jaar") == 34


@pytest.fixture(scope="module")
def municipalities() -> MunicipalityIndex:
    return MunicipalityIndex.load()


def test_the_list_is_complete(municipalities: MunicipalityIndex) -> None:
    assert len(municipalities.municipalities) == 342
    assert len({m.code for m in municipalities.municipalities}) == 342


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amsterdam", "Amsterdam"),
        ("Amsterdm", "Amsterdam"),  # a typo
        ("den haag", "'s-Gravenhage"),
        ("The Hague", "'s-Gravenhage"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("gemeente utrecht", "Utrecht"),
        ("we will live in Eindhovn", "Eindhoven"),
        ("Haarlemermeer", "Haarlemmermeer"),
        ("Roterdam", "Rotterdam"),
        ("阿姆斯特丹", "Amsterdam"),
    ],
)
def test_municipalities(municipalities: MunicipalityIndex, text: str, expected: str) -> None:
    found = municipalities.find(text)
    assert found is not None and found.name == expected


@pytest.mark.parametrize("text", ["Sweden", "xyz", "my home"])
def test_unknown_places(municipalities: MunicipalityIndex, text: str) -> None:
    assert municipalities.find(text) is None
