"""Typed schema of the plan steps in ``knowledge/plan/steps.yml``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from knowledge.paths import REPO_ROOT
from knowledge.schema import ENTRY_ID, Topic

STEPS_FILE = REPO_ROOT / "knowledge" / "plan" / "steps.yml"


class Who(StrEnum):
    MIGRANT = "migrant"
    PARTNER = "partner"
    EVERYONE = "everyone"


class Condition(StrEnum):
    NON_EU = "non_eu"  # not an EU/EEA/Swiss citizen (or not known)
    EMPLOYEE = "employee"  # the plan is for the person with the job, not the partner's own plan
    WITH_PARTNER = "with_partner"
    WITH_CHILDREN = "with_children"


class DueFrom(StrEnum):
    ARRIVAL_DATE = "arrival_date"
    FIRST_WORK_DAY = "first_work_day"


class Place(StrEnum):
    MUNICIPALITY = "municipality"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Due(_Strict):
    from_: DueFrom = Field(alias="from")
    figure: str


class BringItem(_Strict):
    text: str = Field(min_length=3)
    dutch: str = Field(min_length=2)
    when: Condition | None = None


class StepDefinition(_Strict):
    id: str = Field(pattern=ENTRY_ID.pattern)
    topic: Topic
    entries: tuple[str, ...] = Field(min_length=1)
    who: Who
    only: tuple[Condition, ...] = ()
    due: Due | None = None
    place: Place | None = None
    title: str = Field(min_length=3, max_length=80)
    why: str = Field(min_length=20)
    where: str = Field(min_length=10)
    bring: tuple[BringItem, ...] = Field(min_length=1)


def field_context(step_id: str, field: str) -> str:
    """The gettext msgctxt of one translatable field of a plan step."""
    return f"plan:{step_id}:{field}"


def translatable_fields(step: StepDefinition) -> list[tuple[str, str]]:
    """(context, English text) of every translatable part of a step."""
    fields = [
        (field_context(step.id, "title"), step.title),
        (field_context(step.id, "why"), step.why),
        (field_context(step.id, "where"), step.where),
    ]
    fields += [
        (field_context(step.id, f"bring{index}"), item.text)
        for index, item in enumerate(step.bring, start=1)
    ]
    return fields


_STEPS = TypeAdapter(list[StepDefinition])


def load_steps(path: Path = STEPS_FILE) -> list[StepDefinition]:
    """The steps in their recommended order; raises pydantic's ValidationError when invalid."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    steps = _STEPS.validate_python(raw)
    ids = [step.id for step in steps]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"{path.name}: duplicate step ids {duplicates}")
    return steps
