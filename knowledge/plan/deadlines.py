"""Calendar arithmetic for deadlines: days, weeks and whole months (clamped to the month's end)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from knowledge.schema import FigureKind

NETHERLANDS = ZoneInfo("Europe/Amsterdam")


def add_months(start: date, months: int) -> date:
    """The same day `months` later; 31 Oct + 4 months is 28 or 29 Feb."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def add_period(start: date, amount: int, kind: FigureKind) -> date:
    if kind is FigureKind.DAYS:
        return start + timedelta(days=amount)
    if kind is FigureKind.WEEKS:
        return start + timedelta(weeks=amount)
    if kind is FigureKind.MONTHS:
        return add_months(start, amount)
    if kind is FigureKind.YEARS:
        return add_months(start, 12 * amount)
    raise ValueError(f"a {kind.value} figure is not a period")


def today_in_netherlands(now: datetime | None = None) -> date:
    """The date in the Netherlands: deadlines are Dutch dates, whatever the server's zone."""
    moment = now or datetime.now(NETHERLANDS)
    if moment.tzinfo is None:
        raise ValueError("a moment without a time zone is ambiguous")
    return moment.astimezone(NETHERLANDS).date()
