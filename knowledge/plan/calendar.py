"""The plan's deadlines as an iCalendar file (RFC 5545) that phones and mail clients import.

Each dated step is an all-day event on its due date (a Dutch calendar date, so no time zone
can move it to another day), with a reminder a few days before.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from knowledge.plan.render import RenderedPlan

PRODUCT_ID = "-//Welkom//Arrival plan//EN"
REMINDER_DAYS_BEFORE = 3


def plan_calendar(plan: RenderedPlan, plan_id: str, calendar_name: str, now: datetime) -> bytes:
    """One VEVENT per step with a due date; `plan_id` keeps the UIDs stable across downloads."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    for step in plan.steps:
        if step.due is None:
            continue
        event = Event()
        event.add("uid", f"{step.id}.{plan_id}@welkom")
        event.add("dtstamp", now)
        event.add("dtstart", step.due)
        event.add("dtend", step.due + timedelta(days=1))
        event.add("summary", step.title)
        lines = [step.why, "", step.where]
        if step.sources:
            lines += ["", *(source.url for source in step.sources)]
        event.add("description", "\n".join(lines))
        event.add("categories", [step.topic])
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", step.title)
        alarm.add("trigger", timedelta(days=-REMINDER_DAYS_BEFORE))
        event.add_component(alarm)
        calendar.add_component(event)
    body: bytes = calendar.to_ical()
    return body
