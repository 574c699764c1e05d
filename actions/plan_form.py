"""The arrival-plan form: its questions, the checking of each answer, the plan at the end.

Rasa's form (``arrival_plan_form`` in bot/domain/plan.yml) stores the raw text of each answer;
``validate_arrival_plan_form`` reads it in the user's language and either keeps the
normalised value or clears it with a message saying why, then chooses the next question
(questions that do not apply, e.g. the permit for an EU citizen, are never asked).

A question about something else in the middle ("How do I get a BSN?" when the arrival date is
asked) is a digression, not an answer: it is answered from the knowledge base and the plan's
question is asked again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import Answerer
from actions.conversation_state import LAST_ENTRY_SLOT, TurnContext
from actions.plan_questions import (
    NO_PAYLOAD,
    PERMIT_PAYLOAD_PREFIX,
    QUESTIONS,
    SKIP_PAYLOAD,
    STOP_PAYLOAD,
    YES_PAYLOAD,
    Choices,
    Question,
    ReadingTools,
    next_question,
    profile_from_slots,
    read_answer,
)
from actions.reply import Button, Reply, make_reply
from knowledge.figure_format import FigureFormatter
from knowledge.plan.answers import answer_reader
from knowledge.plan.municipalities import MunicipalityIndex
from knowledge.plan.profile import Permit
from knowledge.plan.render import PlanRenderer
from knowledge.schema import Topic
from knowledge.ui_text import UiText

REQUESTED_SLOT = "requested_slot"
# The NLU confidence at which a message that is no answer counts as a knowledge question (clear
# questions score 0.5-0.95 for their entry; answers such as "Amsterdam" ~0.2, though "1 March
# 2027" scores high for the 2027 ruling entry: it is read as an answer first). A message that
# ends like a question needs only the "did you mean" level (PlanConversation.is_digression).
DIGRESSION_CONFIDENCE = 0.5
QUESTION_MARKS = ("?", "？", "؟")
TOPIC = Topic.ORDER_OF_STEPS.value
DISTANCE_FIGURES = {
    "km": "ruling_distance_km",
    "months": "ruling_months_abroad",
    "reference": "ruling_reference_months",
}


@dataclass(frozen=True)
class PlanConversation:
    """What the plan actions share: texts, the plan renderer and the answer readers."""

    ui: UiText
    renderer: PlanRenderer
    formatter: FigureFormatter
    municipalities: MunicipalityIndex
    today: Callable[[], date]
    answerer: Answerer  # for questions asked in between

    def is_digression(self, turn: TurnContext, understood: bool) -> bool:
        """Whether the message asks about something else rather than answering the question:
        a question about an entry ("May I bring my partner?" is no date in May), or a clear
        knowledge question that is no answer ("tell me about health insurance"); an answer
        that reads well ("1 March 2027", though the NLU thinks of the 2027 ruling) is one."""
        top = turn.top
        if top.name not in self.answerer.knowledge.entries:
            return False
        text = turn.text.strip()
        if text.endswith(QUESTION_MARKS) and len(text) >= 8:
            return top.confidence >= self.answerer.thresholds.suggest
        return not understood and top.confidence >= DIGRESSION_CONFIDENCE

    def reply(self, text: str, locale: str, **extra: Any) -> Reply:
        return make_reply(text=text, locale=locale, topic=TOPIC, confidence=1.0, **extra)

    def _figure(self, key: str) -> int:
        ref_value = self.renderer.knowledge.figures[key]
        year = ref_value.applicable_year(self.today().year)
        value = ref_value.values[year].value if year is not None else None
        if value is None:
            raise LookupError(f"figure {key} has no value for this year")
        return int(value)

    @property
    def young_master_age(self) -> int:
        return self._figure("ruling_young_master_age")

    def question_reply(self, question: Question, locale: str) -> Reply:
        params = {}
        if question.field == "lived_far_abroad":
            params = {name: str(self._figure(key)) for name, key in DISTANCE_FIGURES.items()}
        buttons: list[Button] = []
        if question.choices is Choices.YES_NO:
            buttons += [
                Button(title=self.ui.text("plan.button.yes", locale), payload=YES_PAYLOAD),
                Button(title=self.ui.text("plan.button.no", locale), payload=NO_PAYLOAD),
            ]
        elif question.choices is Choices.PERMIT:
            buttons += [
                Button(
                    title=self.ui.text(f"plan.permit.{permit.value}", locale),
                    payload=PERMIT_PAYLOAD_PREFIX + permit.value,
                )
                for permit in Permit
            ]
        buttons += [
            Button(title=self.ui.text("plan.button.skip", locale), payload=SKIP_PAYLOAD),
            Button(title=self.ui.text("plan.button.stop", locale), payload=STOP_PAYLOAD),
        ]
        text = self.ui.text(question.message_key, locale, **params)
        return self.reply(text, locale, buttons=buttons, expects_answer=True)


def _send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(json_message=dict(reply))


def _clear_answers() -> list[EventType]:
    return [SlotSet(question.slot, None) for question in QUESTIONS]


class ActionPlanIntro(Action):  # type: ignore[misc]
    def __init__(self, plans: PlanConversation) -> None:
        self.plans = plans

    def name(self) -> str:
        return "action_plan_intro"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        locale = TurnContext.from_tracker(tracker).locale
        _send(dispatcher, self.plans.reply(self.plans.ui.text("plan.start", locale), locale))
        return _clear_answers()


class ActionAskPlanQuestion(Action):  # type: ignore[misc]
    """``action_ask_plan_<field>``: the question, in the user's language, with its buttons."""

    def __init__(self, plans: PlanConversation, question: Question) -> None:
        self.plans = plans
        self.question = question

    def name(self) -> str:
        return f"action_ask_{self.question.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        locale = TurnContext.from_tracker(tracker).locale
        _send(dispatcher, self.plans.question_reply(self.question, locale))
        return []


class ValidateArrivalPlanForm(Action):  # type: ignore[misc]
    def __init__(self, plans: PlanConversation) -> None:
        self.plans = plans

    def name(self) -> str:
        return "validate_arrival_plan_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        turn = TurnContext.from_tracker(tracker)
        locale = turn.locale
        tools = ReadingTools(answer_reader(locale), self.plans.municipalities, self.plans.today())
        answers = {
            question.slot: read_answer(question, str(value), tools)
            for slot, value in tracker.slots_to_validate().items()
            for question in QUESTIONS
            if question.slot == slot and value is not None
        }
        understood = all(answer.value is not None for answer in answers.values())
        if self.plans.is_digression(turn, understood):
            return self._answer_in_between(dispatcher, tracker, turn, list(answers))
        slots = dict(tracker.slots)
        events: list[EventType] = []
        for slot, answer in answers.items():
            if answer.value is None:
                key = (
                    "plan.invalid.municipality"
                    if answer.municipality_unknown
                    else f"plan.invalid.{answer.problem}"
                )
                _send(dispatcher, self.plans.reply(self.plans.ui.text(key, locale), locale))
            slots[slot] = answer.value
            events.append(SlotSet(slot, answer.value))
        following = next_question(slots, self.plans.young_master_age)
        events.append(SlotSet(REQUESTED_SLOT, following.slot if following else None))
        return events

    def _answer_in_between(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        turn: TurnContext,
        filled: list[str],
    ) -> list[EventType]:
        """Answer the question, forget the text as an answer, and ask the same question again."""
        reply = self.plans.answerer.answer_entry(turn)
        _send(dispatcher, reply)
        events: list[EventType] = [SlotSet(slot, None) for slot in filled]
        if reply["entry"]:
            events.append(SlotSet(LAST_ENTRY_SLOT, reply["entry"]))
        events.append(SlotSet(REQUESTED_SLOT, tracker.get_slot(REQUESTED_SLOT)))
        return events


class ActionPlanSubmit(Action):  # type: ignore[misc]
    """The plan in short, in the chat; the api saves it and links the full checklist."""

    def __init__(self, plans: PlanConversation) -> None:
        self.plans = plans

    def name(self) -> str:
        return "action_plan_submit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        locale = TurnContext.from_tracker(tracker).locale
        profile = profile_from_slots(tracker.slots)
        plan = self.plans.renderer.render(profile, locale, self.plans.today())
        ui = self.plans.ui
        lines = [ui.text("plan.ready", locale), ""]
        for step in plan.steps:
            if step.due_text:
                lines.append(
                    ui.text(
                        "plan.step_due",
                        locale,
                        order=str(step.order),
                        title=step.title,
                        date=step.due_text,
                    )
                )
            else:
                lines.append(ui.text("plan.step", locale, order=str(step.order), title=step.title))
        if plan.ruling_check:
            lines += ["", f"**{plan.ruling_check.label}**", *plan.ruling_check.reasons]
        reply = self.plans.reply(
            "\n".join(lines), locale, plan=profile.model_dump(mode="json", exclude_none=True)
        )
        _send(dispatcher, reply)
        return _clear_answers()


class ActionPlanStop(Action):  # type: ignore[misc]
    def __init__(self, plans: PlanConversation) -> None:
        self.plans = plans

    def name(self) -> str:
        return "action_plan_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        locale = TurnContext.from_tracker(tracker).locale
        _send(dispatcher, self.plans.reply(self.plans.ui.text("plan.stopped", locale), locale))
        return [*_clear_answers(), SlotSet(REQUESTED_SLOT, None)]


def plan_actions(plans: PlanConversation) -> list[Action]:
    return [
        ActionPlanIntro(plans),
        ValidateArrivalPlanForm(plans),
        ActionPlanSubmit(plans),
        ActionPlanStop(plans),
        *(ActionAskPlanQuestion(plans, question) for question in QUESTIONS),
    ]
