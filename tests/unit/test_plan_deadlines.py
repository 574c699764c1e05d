"""Deadlines across month ends, leap years and the daylight-saving change."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from knowledge.plan.deadlines import add_months, add_period, today_in_netherlands
from knowledge.schema import FigureKind


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2027, 3, 1), 4, date(2027, 7, 1)),
        (date(2027, 3, 15), 4, date(2027, 7, 15)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),  # no 31 February
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2027, 10, 31), 4, date(2028, 2, 29)),  # across the year end, into a leap February
        (date(2026, 10, 31), 4, date(2027, 2, 28)),
        (date(2027, 8, 31), 3, date(2027, 11, 30)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),
        (date(2027, 12, 15), 1, date(2028, 1, 15)),
    ],
)
def test_whole_months_end_on_the_same_day_or_the_months_last(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "amount", "kind", "expected"),
    [
        (date(2027, 3, 1), 5, FigureKind.DAYS, date(2027, 3, 6)),
        (date(2027, 2, 26), 5, FigureKind.DAYS, date(2027, 3, 3)),
        (date(2028, 2, 26), 5, FigureKind.DAYS, date(2028, 3, 2)),  # 29 Feb 2028 counts
        (date(2027, 12, 29), 5, FigureKind.DAYS, date(2028, 1, 3)),
        (date(2027, 3, 26), 5, FigureKind.DAYS, date(2027, 3, 31)),  # over the DST weekend
        (date(2027, 10, 28), 2, FigureKind.WEEKS, date(2027, 11, 11)),
        (date(2028, 2, 29), 1, FigureKind.YEARS, date(2029, 2, 28)),
    ],
)
def test_periods(start: date, amount: int, kind: FigureKind, expected: date) -> None:
    assert add_period(start, amount, kind) == expected


def test_a_kilometre_figure_is_not_a_deadline() -> None:
    with pytest.raises(ValueError):
        add_period(date(2027, 3, 1), 150, FigureKind.KILOMETRES)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Night of the spring change (28 March 2027, 02:00 CET -> 03:00 CEST).
        (datetime(2027, 3, 27, 22, 59, tzinfo=UTC), date(2027, 3, 27)),
        (datetime(2027, 3, 27, 23, 30, tzinfo=UTC), date(2027, 3, 28)),
        (datetime(2027, 3, 28, 21, 59, tzinfo=UTC), date(2027, 3, 28)),
        (datetime(2027, 3, 28, 22, 0, tzinfo=UTC), date(2027, 3, 29)),  # now UTC+2
        # Night of the autumn change (31 October 2027, 03:00 CEST -> 02:00 CET).
        (datetime(2027, 10, 30, 21, 59, tzinfo=UTC), date(2027, 10, 30)),
        (datetime(2027, 10, 30, 22, 0, tzinfo=UTC), date(2027, 10, 31)),
        (datetime(2027, 10, 31, 22, 59, tzinfo=UTC), date(2027, 10, 31)),  # now UTC+1
        (datetime(2027, 10, 31, 23, 0, tzinfo=UTC), date(2027, 11, 1)),
    ],
)
def test_today_is_the_dutch_date_whatever_the_server_zone(moment: datetime, expected: date) -> None:
    assert today_in_netherlands(moment) == expected


def test_a_moment_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError):
        today_in_netherlands(datetime(2027, 3, 28, 1, 30))
