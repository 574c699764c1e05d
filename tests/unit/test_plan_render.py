"""The plan as users read it, in every language: all translated, dates in the locale's format."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import KnowledgeBase
from knowledge.languages import SUPPORTED_LOCALES
from knowledge.plan.profile import Permit, Profile
from knowledge.plan.render import PlanRenderer
from knowledge.plan.schema import load_steps
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText

TODAY = date(2026, 11, 23)
PROFILES = [
    Profile(
        arrival_date=date(2027, 3, 1),
        first_work_day=date(2027, 3, 15),
        eu_citizen=False,
        permit=Permit.HIGHLY_SKILLED_MIGRANT,
        with_partner=True,
        with_children=True,
        municipality="Utrecht",
        salary=6000,
        age=35,
        lived_far_abroad=True,
    ),
    Profile(first_work_day=date(2025, 5, 1), salary=4000, age=27, lived_far_abroad=False),
    Profile(first_work_day=date(2026, 12, 1), salary=5000, age=27, lived_far_abroad=None),
    Profile(first_work_day=date(2029, 1, 1), salary=5000),
    Profile(permit=Permit.RESEARCHER),
    Profile(arrival_date=date(2027, 6, 1), permit=Permit.PARTNER),
    Profile(age=51, arrival_date=date(2000, 1, 1)),  # found by schemathesis: a 500 once
]


@pytest.fixture(scope="module")
def renderer(knowledge: KnowledgeBase, catalogs: Catalogs, ui: UiText) -> PlanRenderer:
    return PlanRenderer(
        knowledge, load_steps(), catalogs, FigureFormatter(knowledge.figures, ui), ui
    )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_step_and_reason_is_translated(renderer: PlanRenderer, locale: str) -> None:
    for profile in PROFILES:
        plan = renderer.render(profile, locale, TODAY)
        assert all(step.locale == locale for step in plan.steps), [
            step.id for step in plan.steps if step.locale != locale
        ]
        texts = [
            t for s in plan.steps for t in (s.title, s.why, s.where, *(b.text for b in s.bring))
        ]
        if plan.ruling_check:
            texts += [plan.ruling_check.label, *plan.ruling_check.reasons]
        assert not [t for t in texts if "{" in t or "}" in t]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "March 6, 2027"), ("nl", "6 maart 2027"), ("zh", "2027年3月6日")],
)
def test_due_dates_in_the_locale(renderer: PlanRenderer, locale: str, expected: str) -> None:
    plan = renderer.render(PROFILES[0], locale, TODAY)
    register = next(step for step in plan.steps if step.id == "register-municipality")
    assert register.due_text == expected
    assert register.where.startswith("Gemeente Utrecht")
    assert register.sources and all(s.url.startswith("https://") for s in register.sources)


def test_dutch_terms_next_to_checklist_items(renderer: PlanRenderer) -> None:
    english = renderer.render(PROFILES[0], "en", TODAY)
    bank = next(step for step in english.steps if step.id == "bank-account")
    assert any(item.dutch == "uittreksel BRP" for item in bank.bring)
    dutch = renderer.render(PROFILES[0], "nl", TODAY)
    assert all(not item.dutch for step in dutch.steps for item in step.bring)


def test_overdue_steps_are_marked(renderer: PlanRenderer) -> None:
    plan = renderer.render(Profile(arrival_date=date(2026, 11, 1)), "en", TODAY)
    register = next(step for step in plan.steps if step.id == "register-municipality")
    assert register.overdue and register.due == date(2026, 11, 6)
