"""The expat centres (sites) of this deployment, from ``api/core/sites.yml``."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.languages import SUPPORTED_LOCALES

SITES_FILE = Path(__file__).resolve().parent / "sites.yml"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on `colour`."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    email: str = ""
    phone: str = ""
    address: str = ""


class Site(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    name: str = Field(min_length=2, max_length=80)
    default_locale: str = "en"
    colour: str = "#0b5394"
    logo: str = ""
    allowed_origins: tuple[str, ...] = ()  # pages that may embed the widget (CORS, Origin check)
    frame_ancestors: tuple[str, ...] = ()  # pages that may frame our pages (checklist, demo)
    contact: Contact = Contact()
    office_hours: dict[str, str] = {}
    municipalities: tuple[str, ...] = ()

    @field_validator("default_locale")
    @classmethod
    def _supported(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"{value!r} is not a supported language")
        return value

    @field_validator("colour")
    @classmethod
    def _readable(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError("colour must be #rrggbb")
        if contrast_with_white(value) < MIN_CONTRAST:
            raise ValueError(f"white text on {value} fails WCAG AA contrast (4.5:1)")
        return value

    @field_validator("office_hours")
    @classmethod
    def _hours(cls, value: dict[str, str]) -> dict[str, str]:
        for day, hours in value.items():
            if day not in WEEKDAYS or not re.match(r"^\d\d:\d\d-\d\d:\d\d$", hours):
                raise ValueError(f"office hours {day}: {hours!r} (use mon..sun: 'HH:MM-HH:MM')")
        return value


def load_sites(path: Path = SITES_FILE) -> dict[str, Site]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {
        site_id: Site.model_validate({"id": site_id, **body})
        for site_id, body in (raw.get("sites") or {}).items()
    }


NETHERLANDS = ZoneInfo("Europe/Amsterdam")


def _opening_hours(site: Site, day: datetime) -> tuple[time, time] | None:
    hours = site.office_hours.get(WEEKDAYS[day.weekday()])
    if not hours:
        return None
    start, end = hours.split("-")
    return time.fromisoformat(start), time.fromisoformat(end)


def is_open(site: Site, now: datetime) -> bool:
    local = now.astimezone(NETHERLANDS)
    hours = _opening_hours(site, local)
    return hours is not None and hours[0] <= local.time() < hours[1]


def next_opening(site: Site, now: datetime) -> datetime | None:
    """When the office next opens (Europe/Amsterdam), or None without office hours."""
    local = now.astimezone(NETHERLANDS)
    for days in range(8):
        day = local + timedelta(days=days)
        hours = _opening_hours(site, day)
        if hours is None:
            continue
        opens = datetime.combine(day.date(), hours[0], tzinfo=NETHERLANDS)
        if opens > local:
            return opens
    return None
