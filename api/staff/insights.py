"""Where the knowledge falls short: unanswered and thumbs-down questions grouped by topic (across
all languages), feedback per entry, and message volume per language and day."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from redis.asyncio import Redis

from actions.knowledge_search import KnowledgeSearch
from api import redis_keys
from api.redis_hash import decode_hash
from api.services.escalations import EscalationReason, EscalationStore
from knowledge.knowledge_base import KnowledgeBase

UNKNOWN_TOPIC = "unknown"
EXAMPLES_PER_TOPIC = 5


@dataclass
class Gap:
    topic: str
    count: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Insights:
    gaps: list[Gap]
    feedback: dict[str, dict[str, int]]  # entry -> {"up": n, "down": n}
    volume: dict[str, dict[str, int]]  # day -> locale -> messages
    rows: list[dict[str, str]]  # one per unanswered / thumbs-down question, for the CSV


@dataclass(frozen=True)
class InsightsService:
    redis: Redis
    escalations: EscalationStore
    knowledge: KnowledgeBase
    search: KnowledgeSearch

    def topic_of(self, escalation: dict[str, str]) -> str:
        entry = self.knowledge.get(escalation.get("entry", ""))
        if entry is None:
            found = self.search.search(escalation.get("question", ""), limit=1)
            entry = self.knowledge.get(found[0][0]) if found else None
        return entry.topic.value if entry else UNKNOWN_TOPIC

    async def for_site(self, site: str) -> Insights:
        gaps: dict[str, Gap] = {}
        rows = []
        wanted = {EscalationReason.UNANSWERED.value, EscalationReason.FEEDBACK.value}
        for escalation in await self.escalations.for_site(site):
            if escalation.get("reason") not in wanted:
                continue
            topic = self.topic_of(escalation)
            gap = gaps.setdefault(topic, Gap(topic))
            gap.count += 1
            gap.languages[escalation.get("locale", "")] += 1
            if len(gap.examples) < EXAMPLES_PER_TOPIC and escalation.get("question"):
                gap.examples.append(escalation["question"])
            rows.append(
                {
                    "topic": topic,
                    "reason": escalation.get("reason", ""),
                    "language": escalation.get("locale", ""),
                    "created_at": escalation.get("created_at", ""),
                    "question": escalation.get("question", ""),
                    "comment": escalation.get("comment", ""),
                }
            )
        feedback: dict[str, dict[str, int]] = defaultdict(lambda: {"up": 0, "down": 0})
        for key, value in decode_hash(await self.redis.hgetall(redis_keys.feedback(site))).items():
            entry, _, rating = key.rpartition(":")
            feedback[entry][rating] = int(value)
        volume: dict[str, dict[str, int]] = defaultdict(dict)
        for key, value in decode_hash(await self.redis.hgetall(redis_keys.volume(site))).items():
            day, _, locale = key.partition(":")
            volume[day][locale] = int(value)
        return Insights(
            gaps=sorted(gaps.values(), key=lambda gap: -gap.count),
            feedback=dict(feedback),
            volume=dict(sorted(volume.items(), reverse=True)),
            rows=rows,
        )


def insights_csv(insights: Insights) -> str:
    out = io.StringIO()
    columns = ["topic", "reason", "language", "created_at", "question", "comment"]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in insights.rows:
        # A cell starting with = + - @ would run as a formula in a spreadsheet.
        writer.writerow({k: ("'" + v if v[:1] in "=+-@" else v) for k, v in row.items()})
    return out.getvalue()
