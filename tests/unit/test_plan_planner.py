"""Which steps a plan has, in which order and by which date (the issue's acceptance case first)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.knowledge_base import KnowledgeBase
from knowledge.plan.planner import PlannedStep, build_plan
from knowledge.plan.profile import Permit, Profile
from knowledge.plan.schema import StepDefinition, load_steps


@pytest.fixture(scope="module")
def steps() -> list[StepDefinition]:
    return load_steps()


def plan(
    profile: Profile, steps: list[StepDefinition], kb: KnowledgeBase
) -> dict[str, PlannedStep]:
    return {item.step.id: item for item in build_plan(profile, steps, kb.figures)}


ACCEPTANCE = Profile(
    arrival_date=date(2027, 3, 1),
    first_work_day=date(2027, 3, 15),
    eu_citizen=False,
    permit=Permit.HIGHLY_SKILLED_MIGRANT,
    with_partner=True,
)


def test_acceptance_case(steps: list[StepDefinition], knowledge: KnowledgeBase) -> None:
    planned = plan(ACCEPTANCE, steps, knowledge)
    register = planned["register-municipality"]
    assert register.due == date(2027, 3, 6)
    assert register.order < planned["bank-account"].order
    assert planned["health-insurance"].due == date(2027, 7, 1)
    assert planned["thirty-percent-ruling"].due == date(2027, 7, 15)
    assert planned["tb-test"].due == date(2027, 6, 1)
    partner_steps = [s for s in planned.values() if s.step.who.value == "partner"]
    assert {s.step.id for s in partner_steps} >= {
        "partner-right-to-work",
        "partner-diploma-recognition",
        "partner-dutch-course",
        "partner-job-search",
    }
    orders = sorted(s.order for s in planned.values())
    assert orders == list(range(1, len(planned) + 1))
    # The partner brings the marriage certificate to the registration appointment.
    assert any("marriage" in item.text for item in register.bring)
    assert not any("children" in item.text for item in register.bring)


def test_eu_citizen_needs_no_residence_card_or_tb_test(
    steps: list[StepDefinition], knowledge: KnowledgeBase
) -> None:
    planned = plan(Profile(arrival_date=date(2027, 3, 1), eu_citizen=True), steps, knowledge)
    assert "collect-residence-card" not in planned
    assert "tb-test" not in planned
    assert "register-municipality" in planned and "health-insurance" in planned
    assert not any(s.step.who.value == "partner" for s in planned.values())


def test_partner_mode_is_the_partners_own_plan(
    steps: list[StepDefinition], knowledge: KnowledgeBase
) -> None:
    planned = plan(
        Profile(arrival_date=date(2027, 5, 10), eu_citizen=False, permit=Permit.PARTNER),
        steps,
        knowledge,
    )
    assert "thirty-percent-ruling" not in planned
    assert "partner-right-to-work" in planned and "partner-job-search" in planned
    assert planned["register-municipality"].due == date(2027, 5, 15)


def test_without_dates_no_deadline_is_invented(
    steps: list[StepDefinition], knowledge: KnowledgeBase
) -> None:
    planned = plan(Profile(), steps, knowledge)
    assert all(item.due is None for item in planned.values())
    assert "register-municipality" in planned


def test_children_add_their_documents(
    steps: list[StepDefinition], knowledge: KnowledgeBase
) -> None:
    planned = plan(Profile(arrival_date=date(2027, 3, 1), with_children=True), steps, knowledge)
    assert any("children" in item.text for item in planned["register-municipality"].bring)
    assert any("children" in item.text for item in planned["health-insurance"].bring)
