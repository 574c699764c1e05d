"""Which steps apply to a profile, in which order, and by which date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from knowledge.plan.deadlines import add_period
from knowledge.plan.profile import Profile
from knowledge.plan.schema import BringItem, Condition, DueFrom, StepDefinition, Who
from knowledge.schema import Figure


@dataclass(frozen=True)
class PlannedStep:
    step: StepDefinition
    order: int
    due: date | None
    bring: tuple[BringItem, ...]


def holds(condition: Condition, profile: Profile) -> bool:
    if condition is Condition.NON_EU:
        return profile.eu_citizen is not True
    if condition is Condition.EMPLOYEE:
        return not profile.partner_mode
    if condition is Condition.WITH_PARTNER:
        return profile.has_partner_steps
    return profile.with_children is True


def applies(step: StepDefinition, profile: Profile) -> bool:
    if step.who is Who.MIGRANT and profile.partner_mode:
        return False
    if step.who is Who.PARTNER and not profile.has_partner_steps:
        return False
    return all(holds(condition, profile) for condition in step.only)


def due_date(step: StepDefinition, profile: Profile, figures: Mapping[str, Figure]) -> date | None:
    """The deadline a rule sets, from the figure in force in the year of the starting date."""
    if step.due is None:
        return None
    start = (
        profile.arrival_date if step.due.from_ is DueFrom.ARRIVAL_DATE else profile.first_work_day
    )
    if start is None:
        return None
    figure = figures[step.due.figure]
    year = figure.applicable_year(start.year)
    value = figure.values[year].value if year is not None else None
    if value is None:
        return None
    return add_period(start, int(value), figure.kind)


def build_plan(
    profile: Profile, steps: Sequence[StepDefinition], figures: Mapping[str, Figure]
) -> list[PlannedStep]:
    chosen = [step for step in steps if applies(step, profile)]
    return [
        PlannedStep(
            step=step,
            order=order,
            due=due_date(step, profile, figures),
            bring=tuple(
                item for item in step.bring if item.when is None or holds(item.when, profile)
            ),
        )
        for order, step in enumerate(chosen, start=1)
    ]
