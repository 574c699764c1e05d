"""Choosing what to say for a turn: answer, ask which one was meant, or offer a person.

The fallback ladder: a confident prediction is answered; two close candidates become
"did you mean" buttons; a weak one offers the closest entries; nothing usable apologises and
offers a person (and the api files an escalation for staff).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from actions.conversation_state import RankedIntent, TurnContext
from actions.knowledge_search import KnowledgeSearch
from actions.reply import Button, Reply, SourceRef, Suggestion, make_reply
from knowledge.figure_format import MissingFigureError
from knowledge.knowledge_base import KnowledgeBase
from knowledge.languages import SUPPORTED_LOCALES, language_name
from knowledge.render import EntryRenderer
from knowledge.schema import Topic
from knowledge.ui_text import UiText

HANDOFF_PAYLOAD = "/human_handoff"
START_PLAN_PAYLOAD = "/start_plan"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LadderThresholds:
    confident: float = 0.55  # answer directly at or above this ...
    margin: float = 0.2  # ... when the runner-up entry is at least this far behind
    suggest: float = 0.12  # entries above this are worth offering as "did you mean"
    max_suggestions: int = 3
    follow_up_words: int = 7  # a message this short may lean on the previous answer ...
    follow_up_bonus: float = 0.3  # ... and entries of that answer's topic get this much more


@dataclass(frozen=True)
class Answerer:
    knowledge: KnowledgeBase
    renderer: EntryRenderer
    ui: UiText
    today: Callable[[], date]
    thresholds: LadderThresholds = field(default_factory=LadderThresholds)
    search: KnowledgeSearch | None = None

    def in_context(self, turn: TurnContext) -> TurnContext:
        """Follow-ups ("and for my partner?", "which documents?") lean on the previous answer:
        a short, unsure message prefers entries of the topic the user was just reading about."""
        previous = self.knowledge.get(turn.previous_entry or "")
        limits = self.thresholds
        if (
            previous is None
            or turn.top.confidence >= limits.confident
            or len(turn.text.split()) > limits.follow_up_words
        ):
            return turn
        boosted = [
            RankedIntent(
                r.name,
                r.confidence
                + (limits.follow_up_bonus if self._topic_of(r.name) == previous.topic else 0.0),
            )
            for r in turn.ranking
            if r.name in self.knowledge.entries
        ]
        total = sum(r.confidence for r in boosted) or 1.0
        ranking = sorted(
            (RankedIntent(r.name, r.confidence / total) for r in boosted),
            key=lambda r: -r.confidence,
        )
        return replace(turn, ranking=ranking)

    def _topic_of(self, intent: str) -> Topic | None:
        entry = self.knowledge.get(intent)
        return entry.topic if entry else None

    def answer_entry(self, turn: TurnContext) -> Reply:
        turn = self.in_context(turn)
        candidates = [r for r in turn.ranking if r.name in self.knowledge.entries]
        top = turn.top
        if top.name not in self.knowledge.entries:
            return self.no_answer(turn)
        runner_up = candidates[1].confidence if len(candidates) > 1 else 0.0
        limits = self.thresholds
        if top.confidence >= limits.confident and top.confidence - runner_up >= limits.margin:
            return self.render_entry(top.name, turn.locale, top.confidence)
        # Close candidates within one topic: the topic is clear, so answer the best entry and
        # offer its neighbours, rather than asking the user to choose.
        topic = self.knowledge.entries[top.name].topic
        same_topic = [c for c in candidates if self.knowledge.entries[c.name].topic == topic]
        if (
            top.confidence >= limits.suggest * 2
            and sum(c.confidence for c in same_topic) >= limits.confident
            and all(c.confidence < top.confidence * 0.8 for c in candidates if c not in same_topic)
        ):
            return self.render_entry(
                top.name,
                turn.locale,
                top.confidence,
                related=[c.name for c in same_topic[1:] if c.confidence >= limits.suggest],
            )
        offered = [c for c in candidates if c.confidence >= limits.suggest]
        if offered:
            return self.did_you_mean(offered[: limits.max_suggestions], turn)
        # Last rung before "I don't know": the entries whose text (in any language) is closest.
        found = self.search.search(turn.text, limits.max_suggestions) if self.search else []
        if found:
            return self.did_you_mean([RankedIntent(entry, score) for entry, score in found], turn)
        return self.no_answer(turn)

    def render_entry(
        self, entry_id: str, locale: str, confidence: float, related: list[str] | None = None
    ) -> Reply:
        entry = self.knowledge.entries[entry_id]
        try:
            rendered = self.renderer.render(entry, locale, self.today())
        except MissingFigureError:
            # A figure has no verified value for this year (e.g. early January, before the new
            # amounts are entered): better no answer and a person than last year's number.
            logger.warning("entry %s has a figure without a value for this year", entry_id)
            return self.no_answer_for(locale, confidence)
        text = rendered.text
        if not rendered.current:
            text = self.ui.text("not_translated", locale) + "\n\n" + text
        # An answer about the order of steps offers to make the user's own plan.
        buttons = (
            [
                Button(
                    title=self.ui.text("plan.button.make_plan", locale), payload=START_PLAN_PAYLOAD
                )
            ]
            if entry.topic is Topic.ORDER_OF_STEPS
            else []
        )
        return make_reply(
            text=f"**{rendered.title}**\n\n{text}",
            buttons=buttons,
            locale=locale,
            topic=rendered.topic,
            entry=entry.id,
            confidence=confidence,
            sources=[
                SourceRef(title=s.title, url=s.url, verified=s.verified) for s in rendered.sources
            ],
            dutch_terms=rendered.dutch_terms,
            translated=rendered.current,
            suggestions=[self._suggestion(other, locale) for other in related or []],
        )

    def _suggestion(self, entry_id: str, locale: str) -> Suggestion:
        entry = self.knowledge.entries[entry_id]
        return Suggestion(
            topic=entry.topic.value, entry=entry.id, title=self.renderer.title(entry, locale)
        )

    def did_you_mean(self, offered: list[RankedIntent], turn: TurnContext) -> Reply:
        suggestions = [self._suggestion(candidate.name, turn.locale) for candidate in offered]
        buttons = [Button(title=s["title"], payload=f"/{s['entry']}") for s in suggestions]
        buttons.append(
            Button(title=self.ui.text("talk_to_person", turn.locale), payload=HANDOFF_PAYLOAD)
        )
        return make_reply(
            text=self.ui.text("low_confidence", turn.locale),
            locale=turn.locale,
            topic=None,
            confidence=turn.top.confidence,
            buttons=buttons,
            suggestions=suggestions,
        )

    def no_answer(self, turn: TurnContext) -> Reply:
        return self.no_answer_for(turn.locale, turn.top.confidence)

    def no_answer_for(self, locale: str, confidence: float) -> Reply:
        return make_reply(
            text=self.ui.text("no_answer", locale),
            locale=locale,
            topic=None,
            confidence=confidence,
            buttons=[Button(title=self.ui.text("talk_to_person", locale), payload=HANDOFF_PAYLOAD)],
            escalate=True,
        )

    def language_list(self, locale: str) -> str:
        """The ten languages, named in the user's language, e.g. for "which language?"."""
        return ", ".join(language_name(code, locale) for code in SUPPORTED_LOCALES)

    def conversational(self, message_key: str, topic: Topic, turn: TurnContext) -> Reply:
        return make_reply(
            text=self.ui.text(message_key, turn.locale),
            locale=turn.locale,
            topic=topic.value,
            confidence=turn.top.confidence,
        )
