"""Accuracy, wrong-answer rate, out-of-scope handling, language detection, latency."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from evaluation.cases import Case
from knowledge.schema import KNOWLEDGE_TOPICS as KNOWLEDGE_TOPIC_IDS

KNOWLEDGE_TOPICS = frozenset(topic.value for topic in KNOWLEDGE_TOPIC_IDS)


@dataclass(frozen=True)
class Outcome:
    case: Case
    topic: str | None
    entry: str | None
    locale: str
    seconds: float
    status: int

    @property
    def correct(self) -> bool:
        return self.topic == self.case.topic

    @property
    def wrong_answer(self) -> bool:
        """Answered confidently with the wrong topic (a clarifying question is not wrong)."""
        return self.topic is not None and self.topic != self.case.topic

    @property
    def language_ok(self) -> bool:
        return self.locale == self.case.language


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarize(outcomes: list[Outcome]) -> dict[str, object]:
    def rate(items: list[Outcome], test: str) -> float:
        return round(sum(getattr(o, test) for o in items) / len(items), 4) if items else 0.0

    by_language: dict[str, list[Outcome]] = defaultdict(list)
    by_topic: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_language[outcome.case.language].append(outcome)
        by_topic[outcome.case.topic].append(outcome)
    oos = [o for o in outcomes if o.case.topic == "out_of_scope"]
    topical_all = [o for o in outcomes if o.case.topic in KNOWLEDGE_TOPICS]
    latencies = [o.seconds * 1000 for o in outcomes]
    per_language = {}
    for language, items in sorted(by_language.items()):
        topical = [o for o in items if o.case.topic in KNOWLEDGE_TOPICS]
        lang_oos = [o for o in items if o.case.topic == "out_of_scope"]
        per_language[language] = {
            "cases": len(items),
            "topic_accuracy": rate(topical, "correct"),
            "all_accuracy": rate(items, "correct"),
            "wrong_answer_rate": rate(items, "wrong_answer"),
            "out_of_scope_not_answered": _oos_rate(lang_oos),
            "language_detection": rate(items, "language_ok"),
            "entry_accuracy": _entry_accuracy(items),
        }
    return {
        "cases": len(outcomes),
        "errors": sum(1 for o in outcomes if o.status != 200),
        "topic_accuracy": rate(topical_all, "correct"),
        "wrong_answer_rate": rate(outcomes, "wrong_answer"),
        "out_of_scope_not_answered": _oos_rate(oos),
        "language_detection": rate(outcomes, "language_ok"),
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 1),
            "p95": round(percentile(latencies, 95), 1),
            "max": round(max(latencies, default=0.0), 1),
        },
        "per_language": per_language,
        "per_topic": {
            topic: {"cases": len(items), "accuracy": rate(items, "correct")}
            for topic, items in sorted(by_topic.items())
        },
    }


def _oos_rate(items: list[Outcome]) -> float:
    """Out-of-scope cases that were not answered with a knowledge topic."""
    if not items:
        return 0.0
    return round(sum(o.topic not in KNOWLEDGE_TOPICS for o in items) / len(items), 4)


def _entry_accuracy(items: list[Outcome]) -> float:
    with_entry = [o for o in items if o.case.entry]
    if not with_entry:
        return 0.0
    return round(sum(o.entry == o.case.entry for o in with_entry) / len(with_entry), 4)
