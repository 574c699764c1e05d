"""A first, honest estimate of 30% ruling eligibility: likely, likely not, or cannot tell.

The ruling's salary condition is on the *taxable* salary after the tax-free allowance is taken
off, compared with the norm of the year (a lower norm for under-30s with a master's degree). We
only know a monthly gross salary, so we compute a low estimate (12 months) and a high one (with
the 8% holiday allowance) and say "likely" only when both sides of the norm agree. A year whose
norm is not verified is compared with a bound we do know, never with a guessed amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from knowledge.plan.profile import Permit, Profile
from knowledge.schema import Figure

NORM = "ruling_salary_norm"
YOUNG_NORM = "ruling_salary_norm_young_master"
NORM_FROM_2027 = "ruling_salary_norm_from_2027"
YOUNG_NORM_FROM_2027 = "ruling_young_master_norm_from_2027"
RATE = "ruling_max_rate"
YOUNG_AGE = "ruling_young_master_age"
HOLIDAY_ALLOWANCE = "holiday_allowance_percent"
DISTANCE = {
    "km": "ruling_distance_km",
    "months": "ruling_months_abroad",
    "reference": "ruling_reference_months",
}
FIRST_YEAR_OF_NEW_NORM = 2027
# A norm we only know as a lower bound (last verified year, or 2024 price levels before
# indexation) is "clearly met" only with this margin above it.
INDEXATION_MARGIN = Decimal("1.10")


class Verdict(StrEnum):
    LIKELY_ELIGIBLE = "likely_eligible"
    LIKELY_NOT = "likely_not"
    CANNOT_TELL = "cannot_tell"


@dataclass(frozen=True)
class Reason:
    """A ui message key (``ruling_check.<key>``) and the values it needs."""

    key: str
    money: Mapping[str, Decimal] = field(default_factory=dict)
    numbers: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class NormUsed:
    figure: str
    year: int
    amount: Decimal
    exact: bool  # False: a lower bound (an earlier year's norm, or 2024 price levels)
    source: str


@dataclass(frozen=True)
class RulingCheck:
    verdict: Verdict
    year: int
    reasons: tuple[Reason, ...]
    norm: NormUsed | None


def _value(figures: Mapping[str, Figure], key: str, year: int) -> tuple[Decimal, int, str] | None:
    figure = figures[key]
    applicable = figure.applicable_year(year)
    if applicable is None:
        return None
    found = figure.values[applicable]
    if found.value is None:
        return None
    return found.value, applicable, str(found.source)


def _norm(figures: Mapping[str, Figure], year: int, young: bool) -> NormUsed | None:
    if year >= FIRST_YEAR_OF_NEW_NORM:
        key = YOUNG_NORM_FROM_2027 if young else NORM_FROM_2027
        found = _value(figures, key, FIRST_YEAR_OF_NEW_NORM)
        if found is None:
            return None
        return NormUsed(key, FIRST_YEAR_OF_NEW_NORM, found[0], exact=False, source=found[2])
    key = YOUNG_NORM if young else NORM
    found = _value(figures, key, year)
    if found is not None:
        return NormUsed(key, found[1], found[0], exact=True, source=found[2])
    earlier = [y for y, v in figures[key].values.items() if y < year and v.value is not None]
    if not earlier:
        return None
    last = max(earlier)
    value = figures[key].values[last]
    assert value.value is not None
    return NormUsed(key, last, value.value, exact=False, source=str(value.source))


def check_ruling(
    profile: Profile, figures: Mapping[str, Figure], today: date
) -> RulingCheck | None:
    """None when the plan is the partner's own (the ruling is the employee's)."""
    if profile.partner_mode:
        return None
    start = profile.first_work_day or profile.arrival_date or today
    year = start.year
    reasons: list[Reason] = []
    change = Reason("change_2027", numbers={"year": FIRST_YEAR_OF_NEW_NORM})
    distance = {
        name: int(found[0])
        for name, key in DISTANCE.items()
        if (found := _value(figures, key, year)) is not None
    }

    if profile.lived_far_abroad is False:
        return RulingCheck(
            Verdict.LIKELY_NOT, year, (Reason("distance_not_met", numbers=distance), change), None
        )
    if profile.permit is Permit.RESEARCHER:
        reasons.append(Reason("researcher_no_norm"))
        verdict = Verdict.LIKELY_ELIGIBLE if profile.lived_far_abroad else Verdict.CANNOT_TELL
        if profile.lived_far_abroad is None:
            reasons.append(Reason("distance_unknown", numbers=distance))
        return RulingCheck(verdict, year, (*reasons, change), None)
    if profile.salary is None:
        return RulingCheck(Verdict.CANNOT_TELL, year, (Reason("salary_unknown"), change), None)

    young_age = _value(figures, YOUNG_AGE, year)
    age_limit = int(young_age[0]) if young_age else 30
    young: bool | None
    if profile.age is not None and profile.age >= age_limit:
        young = False
    elif profile.age is not None and profile.masters is not None:
        young = profile.masters
    else:
        young = None  # cannot choose between the two norms
    rate_found = _value(figures, RATE, year)
    holiday = _value(figures, HOLIDAY_ALLOWANCE, year)
    norm = _norm(figures, year, young is True)
    if rate_found is None or norm is None:
        return RulingCheck(
            Verdict.CANNOT_TELL,
            year,
            (Reason("norm_unknown", numbers={"year": year}), change),
            None,
        )
    rate = rate_found[0] / 100
    holiday_share = (holiday[0] / 100) if holiday else Decimal("0.08")
    low = profile.salary * 12 * (1 - rate)
    high = low * (1 + holiday_share)
    money = {"norm": norm.amount, "taxable": low.quantize(Decimal(1))}
    numbers = {"norm_year": norm.year, "year": year, "age": age_limit}

    if young is None:
        reasons.append(Reason("young_norm_unknown", numbers=numbers))
    if high < norm.amount:
        # Below the norm we know; an unknown or indexed norm is not lower.
        verdict = Verdict.LIKELY_NOT
        reasons.append(Reason("below_norm", money=money, numbers=numbers))
    elif low > norm.amount * (1 if norm.exact else INDEXATION_MARGIN):
        verdict = Verdict.LIKELY_ELIGIBLE
        reasons.append(Reason("above_norm", money=money, numbers=numbers))
    else:
        verdict = Verdict.CANNOT_TELL
        reasons.append(Reason("near_norm", money=money, numbers=numbers))
    if young is None and verdict is Verdict.LIKELY_NOT:
        # Below the higher norm only: the lower young-master norm might still be met.
        lower = _norm(figures, year, young=True)
        if lower is not None and low > lower.amount:
            verdict = Verdict.CANNOT_TELL
    if not norm.exact:
        key = "norm_indexed" if year >= FIRST_YEAR_OF_NEW_NORM else "norm_not_published"
        reasons.append(Reason(key, money=money, numbers=numbers))
    if verdict is Verdict.LIKELY_ELIGIBLE and profile.lived_far_abroad is None:
        verdict = Verdict.CANNOT_TELL
        reasons.append(Reason("distance_unknown", numbers=distance))
    reasons.append(change)
    return RulingCheck(verdict, year, tuple(reasons), norm)
