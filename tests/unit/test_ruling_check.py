"""The 30% ruling estimate: likely, likely not or cannot tell, never more certain than the data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from knowledge.knowledge_base import KnowledgeBase
from knowledge.plan.profile import Permit, Profile
from knowledge.plan.ruling_check import Verdict, check_ruling
from knowledge.ui_text import UiText

TODAY = date(2026, 11, 23)


def verdict_of(knowledge: KnowledgeBase, **fields: object) -> tuple[Verdict, list[str]]:
    check = check_ruling(Profile.model_validate(fields), knowledge.figures, TODAY)
    assert check is not None
    return check.verdict, [reason.key for reason in check.reasons]


def test_2025_salary_well_above_the_verified_norm(knowledge: KnowledgeBase) -> None:
    # 2025 norm EUR 46,660 taxable: 6,000 x 12 x 70% = 50,400.
    verdict, reasons = verdict_of(
        knowledge, first_work_day="2025-06-01", salary=6000, age=35, lived_far_abroad=True
    )
    assert verdict is Verdict.LIKELY_ELIGIBLE
    assert "above_norm" in reasons


def test_2025_salary_below_the_norm(knowledge: KnowledgeBase) -> None:
    # 4,500 x 12 x 1.08 x 70% = 40,824 < 46,660, even with holiday allowance.
    verdict, reasons = verdict_of(
        knowledge, first_work_day="2025-06-01", salary=4500, age=35, lived_far_abroad=True
    )
    assert verdict is Verdict.LIKELY_NOT
    assert "below_norm" in reasons


def test_young_master_norm_is_lower(knowledge: KnowledgeBase) -> None:
    # 4,500 a month meets the 2025 young-master norm (EUR 35,468) but not the normal one.
    young, _ = verdict_of(
        knowledge,
        first_work_day="2025-06-01",
        salary=4500,
        age=27,
        masters=True,
        lived_far_abroad=True,
    )
    assert young is Verdict.LIKELY_ELIGIBLE
    unknown_degree, reasons = verdict_of(
        knowledge, first_work_day="2025-06-01", salary=4500, age=27, lived_far_abroad=True
    )
    assert unknown_degree is Verdict.CANNOT_TELL
    assert "young_norm_unknown" in reasons


def test_unverified_2026_norm_is_never_guessed(knowledge: KnowledgeBase) -> None:
    # Only a bound is known (the 2025 norm): just above it is not enough to say "likely".
    verdict, reasons = verdict_of(
        knowledge, first_work_day="2026-12-01", salary=5700, age=35, lived_far_abroad=True
    )
    assert verdict is Verdict.CANNOT_TELL
    assert "norm_not_published" in reasons
    clearly, _ = verdict_of(
        knowledge, first_work_day="2026-12-01", salary=9000, age=35, lived_far_abroad=True
    )
    assert clearly is Verdict.LIKELY_ELIGIBLE


def test_2027_norm_is_indexed_and_the_rate_is_27_percent(knowledge: KnowledgeBase) -> None:
    check = check_ruling(
        Profile(
            first_work_day=date(2027, 3, 15),
            salary=Decimal(6000),
            age=35,
            lived_far_abroad=True,
        ),
        knowledge.figures,
        TODAY,
    )
    assert check is not None
    # 6,000 x 12 x 73% = 52,560: above EUR 50,436 (2024 prices) but within indexation.
    assert check.verdict is Verdict.CANNOT_TELL
    assert check.norm is not None and check.norm.amount == 50436 and not check.norm.exact
    keys = [reason.key for reason in check.reasons]
    assert "norm_indexed" in keys and "change_2027" in keys
    low, _ = verdict_of(
        knowledge, first_work_day="2027-03-15", salary=4000, age=35, lived_far_abroad=True
    )
    assert low is Verdict.LIKELY_NOT


def test_distance_condition(knowledge: KnowledgeBase) -> None:
    near, reasons = verdict_of(
        knowledge, first_work_day="2025-06-01", salary=9000, age=40, lived_far_abroad=False
    )
    assert near is Verdict.LIKELY_NOT and "distance_not_met" in reasons
    unknown, reasons = verdict_of(knowledge, first_work_day="2025-06-01", salary=9000, age=40)
    assert unknown is Verdict.CANNOT_TELL and "distance_unknown" in reasons


def test_researchers_have_no_salary_norm(knowledge: KnowledgeBase) -> None:
    verdict, reasons = verdict_of(
        knowledge, permit=Permit.RESEARCHER, salary=3000, lived_far_abroad=True
    )
    assert verdict is Verdict.LIKELY_ELIGIBLE and "researcher_no_norm" in reasons


def test_no_salary_no_estimate(knowledge: KnowledgeBase) -> None:
    verdict, reasons = verdict_of(knowledge, lived_far_abroad=True)
    assert verdict is Verdict.CANNOT_TELL and "salary_unknown" in reasons


def test_the_partners_own_plan_has_no_ruling_check(knowledge: KnowledgeBase) -> None:
    assert check_ruling(Profile(permit=Permit.PARTNER), knowledge.figures, TODAY) is None


def test_a_year_without_figures_cannot_be_told(knowledge: KnowledgeBase, ui: UiText) -> None:
    check = check_ruling(
        Profile(first_work_day=date(2029, 2, 1), salary=Decimal(9000), lived_far_abroad=True),
        knowledge.figures,
        TODAY,
    )
    assert check is not None and check.verdict is Verdict.CANNOT_TELL
    reason = check.reasons[0]
    assert reason.key == "norm_unknown"
    assert "2029" in ui.text(
        "ruling_check.norm_unknown", "en", **{k: str(v) for k, v in reason.numbers.items()}
    )
