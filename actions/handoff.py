from __future__ import annotations

from actions.base import WelkomAction
from actions.conversation_state import TurnContext
from actions.reply import Reply, make_reply
from knowledge.schema import Topic


class ActionHandoff(WelkomAction):
    """Tells the user a person is asked to join; the api records the handoff request."""

    def name(self) -> str:
        return "action_handoff"

    def reply(self, turn: TurnContext) -> Reply:
        return make_reply(
            text=self.answerer.ui.text("handoff_requested", turn.locale),
            locale=turn.locale,
            topic=Topic.HUMAN_HANDOFF.value,
            confidence=turn.top.confidence,
            escalate=True,
        )
