"""The questions of the arrival-plan form: which slot, how its answer is read, when it is asked.

Slot values are plain strings (Rasa text slots): ISO dates, "true"/"false", a permit id, the
official municipality name, numbers, or "skip" for a question the user skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from knowledge.plan.answers import AnswerReader, Problem
from knowledge.plan.municipalities import MunicipalityIndex
from knowledge.plan.profile import Permit, Profile

SKIPPED = "skip"
SLOT_PREFIX = "plan_"
# Button payloads (intents without NLU) that answer a question directly.
YES_PAYLOAD = "/plan_yes"
NO_PAYLOAD = "/plan_no"
SKIP_PAYLOAD = "/plan_skip"
STOP_PAYLOAD = "/stop_plan"
PERMIT_PAYLOAD_PREFIX = "/plan_permit_"


class Choices(StrEnum):
    NONE = "none"
    YES_NO = "yes_no"
    PERMIT = "permit"


@dataclass(frozen=True)
class Answer:
    value: str | None = None  # the slot value, when the answer was understood
    problem: Problem | None = None  # otherwise why not: the re-ask message
    municipality_unknown: bool = False


@dataclass(frozen=True)
class ReadingTools:
    reader: AnswerReader
    municipalities: MunicipalityIndex
    today: date


def _yes_no(
    read: Callable[[AnswerReader, str], bool | None],
) -> Callable[[str, ReadingTools], Answer]:
    def parse(text: str, tools: ReadingTools) -> Answer:
        if text == YES_PAYLOAD:
            return Answer("true")
        if text == NO_PAYLOAD:
            return Answer("false")
        said = read(tools.reader, text)
        return Answer(problem=Problem.YES_NO) if said is None else Answer(str(said).lower())

    return parse


def _date(text: str, tools: ReadingTools) -> Answer:
    found = tools.reader.date(text, tools.today)
    return Answer(found.isoformat()) if found else Answer(problem=Problem.DATE)


def _municipality(text: str, tools: ReadingTools) -> Answer:
    found = tools.municipalities.find(text)
    return Answer(found.name) if found else Answer(municipality_unknown=True)


def _permit(text: str, tools: ReadingTools) -> Answer:
    if text.startswith(PERMIT_PAYLOAD_PREFIX):
        value = text.removeprefix(PERMIT_PAYLOAD_PREFIX)
        return (
            Answer(value)
            if value in Permit.__members__.values()
            else Answer(problem=Problem.PERMIT)
        )
    found = tools.reader.permit(text)
    return Answer(found.value) if found else Answer(problem=Problem.PERMIT)


def _age(text: str, tools: ReadingTools) -> Answer:
    found = tools.reader.age(text)
    return Answer(str(found)) if found is not None else Answer(problem=Problem.AGE)


def _salary(text: str, tools: ReadingTools) -> Answer:
    found = tools.reader.salary(text)
    return Answer(problem=found) if isinstance(found, Problem) else Answer(str(found))


@dataclass(frozen=True)
class Question:
    field: str  # the Profile field
    parse: Callable[[str, ReadingTools], Answer]
    choices: Choices = Choices.NONE

    @property
    def slot(self) -> str:
        return SLOT_PREFIX + self.field

    @property
    def message_key(self) -> str:
        return f"plan.ask.{self.field}"


QUESTIONS: tuple[Question, ...] = (
    Question("arrival_date", _date),
    Question("first_work_day", _date),
    Question("municipality", _municipality),
    Question("eu_citizen", _yes_no(AnswerReader.eu_citizen), Choices.YES_NO),
    Question("permit", _permit, Choices.PERMIT),
    Question("with_partner", _yes_no(AnswerReader.yes_no), Choices.YES_NO),
    Question("with_children", _yes_no(AnswerReader.yes_no), Choices.YES_NO),
    Question("age", _age),
    Question("salary", _salary),
    Question("masters", _yes_no(AnswerReader.masters), Choices.YES_NO),
    Question("lived_far_abroad", _yes_no(AnswerReader.yes_no), Choices.YES_NO),
)
BY_SLOT: Mapping[str, Question] = {question.slot: question for question in QUESTIONS}
RULING_FIELDS = frozenset({"age", "salary", "masters", "lived_far_abroad"})


def read_answer(question: Question, text: str, tools: ReadingTools) -> Answer:
    stripped = text.strip()
    if stripped == SKIP_PAYLOAD or tools.reader.is_skip(stripped):
        return Answer(SKIPPED)
    return question.parse(stripped, tools)


def profile_from_slots(slots: Mapping[str, Any]) -> Profile:
    """The Profile the answered slots describe (skipped or missing answers stay unknown)."""
    values: dict[str, Any] = {}
    for question in QUESTIONS:
        raw = slots.get(question.slot)
        if raw in (None, SKIPPED):
            continue
        if raw in ("true", "false"):
            values[question.field] = raw == "true"
        elif question.field == "salary":
            values[question.field] = Decimal(str(raw))
        else:
            values[question.field] = raw
    return Profile.model_validate(values)


def is_asked(question: Question, slots: Mapping[str, Any], young_master_age: int) -> bool:
    """Whether the question applies, given the answers so far."""
    profile = profile_from_slots(slots)
    if question.field == "permit":
        return profile.eu_citizen is not True
    if question.field in RULING_FIELDS and profile.partner_mode:
        return False  # the 30% ruling questions are for the employee
    if question.field == "masters":
        return profile.age is None or profile.age < young_master_age
    return True


def next_question(slots: Mapping[str, Any], young_master_age: int) -> Question | None:
    return next(
        (
            q
            for q in QUESTIONS
            if slots.get(q.slot) is None and is_asked(q, slots, young_master_age)
        ),
        None,
    )
