"""Typed schema of knowledge entries and figures, validated when loaded."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

ENTRY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)+$")
FIGURE_KEY = re.compile(r"^[a-z0-9_]+$")


class Topic(StrEnum):
    """Topic ids of the chat API contract."""

    REGISTRATION = "registration"
    ORDER_OF_STEPS = "order_of_steps"
    BANK_ACCOUNT = "bank_account"
    HEALTH_INSURANCE = "health_insurance"
    THIRTY_PERCENT_RULING = "thirty_percent_ruling"
    DUTCH_COURSES = "dutch_courses"
    PARTNER_WORK = "partner_work"
    DIGID = "digid"
    RESIDENCE_PERMIT = "residence_permit"
    HOUSING = "housing"
    GREETING = "greeting"
    HUMAN_HANDOFF = "human_handoff"
    OUT_OF_SCOPE = "out_of_scope"


KNOWLEDGE_TOPICS = frozenset(Topic) - {Topic.GREETING, Topic.HUMAN_HANDOFF, Topic.OUT_OF_SCOPE}


class Audience(StrEnum):
    MIGRANT = "migrant"
    PARTNER = "partner"
    BOTH = "both"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """An official (or the best available) public page an answer rests on."""

    title: str = Field(min_length=3)
    publisher: str = Field(min_length=2)
    url: HttpUrl
    retrieved: date

    @field_validator("url")
    @classmethod
    def _https_only(cls, url: HttpUrl) -> HttpUrl:
        if url.scheme != "https":
            raise ValueError("sources must use https")
        return url


class Entry(_Strict):
    """One answerable question, written in English; translations live in the catalogs."""

    id: str
    topic: Topic
    audience: Audience = Audience.BOTH
    title: str = Field(min_length=3, max_length=120)
    answer: str = Field(min_length=20)
    steps: tuple[str, ...] = ()
    dutch_terms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    verified: date
    review_by: date

    @field_validator("id")
    @classmethod
    def _kebab_case(cls, value: str) -> str:
        if not ENTRY_ID.match(value):
            raise ValueError("entry ids are kebab-case with at least one hyphen")
        return value

    @field_validator("topic")
    @classmethod
    def _knowledge_topic(cls, value: Topic) -> Topic:
        if value not in KNOWLEDGE_TOPICS:
            raise ValueError(f"{value} is a conversational topic, not a knowledge topic")
        return value


class FigureKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"
    KILOMETRES = "kilometres"
    COUNT = "count"


class FigureValue(_Strict):
    """One year's value with its source, or an explicit note that no reliable value is known."""

    value: Decimal | None = None
    source: HttpUrl | None = None
    note: str = ""
    unverified: str = ""  # why no value is asserted for this year; answers must not use it

    @field_validator("source")
    @classmethod
    def _https_only(cls, url: HttpUrl | None) -> HttpUrl | None:
        if url is not None and url.scheme != "https":
            raise ValueError("figure sources must use https")
        return url

    @model_validator(mode="after")
    def _value_or_reason(self) -> FigureValue:
        if self.unverified:
            if self.value is not None:
                raise ValueError("an unverified year must not carry a value")
        elif self.value is None or self.source is None:
            raise ValueError("a value needs a source (or mark the year unverified with a reason)")
        return self


class Figure(_Strict):
    """A number that changes by year (or never), with the source of every value."""

    kind: FigureKind
    label: str
    # Yearly figures must have a value for the current year; fixed ones (legal deadlines)
    # carry one value under the year the rule took effect and apply from then on.
    fixed: bool = False
    values: dict[int, FigureValue] = Field(min_length=1)

    def applicable_year(self, year: int) -> int | None:
        """The year whose value applies in `year`: that year, or for fixed rules the last one."""
        if year in self.values:
            return year
        if self.fixed:
            earlier = [y for y in self.values if y <= year]
            return max(earlier) if earlier else None
        return None
