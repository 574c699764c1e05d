"""Shared behaviour of Welkom actions: dependencies come in through the constructor."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import HANDOFF_PAYLOAD, Answerer
from actions.conversation_state import LAST_ENTRY_SLOT, PENDING_OFFER_SLOT, TurnContext
from actions.reply import Reply


class WelkomAction(Action, ABC):  # type: ignore[misc]
    """Reads the turn, asks the Answerer what to say, and sends it as one structured reply."""

    def __init__(self, answerer: Answerer) -> None:
        self.answerer = answerer

    @abstractmethod
    def reply(self, turn: TurnContext) -> Reply: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reply = self.reply(TurnContext.from_tracker(tracker))
        dispatcher.utter_message(json_message=dict(reply))
        # Remember the answered entry, so that a follow-up question can lean on it, and whether
        # a person was just offered, so that "yes" / "no" answer that offer.
        offered = any(button["payload"] == HANDOFF_PAYLOAD for button in reply["buttons"])
        events = [SlotSet(PENDING_OFFER_SLOT, "handoff" if offered else None)]
        if reply["entry"]:
            events.append(SlotSet(LAST_ENTRY_SLOT, reply["entry"]))
        return events
