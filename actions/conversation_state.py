"""What an action reads from the tracker: the user's locale and the NLU ranking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker

from knowledge.languages import SOURCE_LOCALE, normalize_locale

LAST_ENTRY_SLOT = "last_entry"
PENDING_OFFER_SLOT = "pending_offer"


@dataclass(frozen=True)
class RankedIntent:
    name: str
    confidence: float


@dataclass(frozen=True)
class TurnContext:
    locale: str
    text: str
    ranking: list[RankedIntent]
    previous_entry: str | None = None  # the entry answered last in this conversation

    @property
    def top(self) -> RankedIntent:
        return self.ranking[0] if self.ranking else RankedIntent("", 0.0)

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> TurnContext:
        message: dict[str, Any] = tracker.latest_message or {}
        metadata = message.get("metadata") or {}
        locale = normalize_locale(metadata.get("locale")) or SOURCE_LOCALE
        ranking = [
            RankedIntent(str(item.get("name")), float(item.get("confidence") or 0.0))
            for item in message.get("intent_ranking") or []
        ]
        if not ranking and message.get("intent"):
            intent = message["intent"]
            ranking = [RankedIntent(str(intent.get("name")), float(intent.get("confidence") or 0))]
        previous = tracker.get_slot(LAST_ENTRY_SLOT)
        return cls(
            locale=locale,
            text=str(message.get("text") or ""),
            ranking=ranking,
            previous_entry=str(previous) if previous else None,
        )
