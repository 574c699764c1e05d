from __future__ import annotations

from actions.base import WelkomAction
from actions.conversation_state import TurnContext
from actions.reply import Reply
from knowledge.schema import Topic


class ActionOutOfScope(WelkomAction):
    """Says politely what the bot can help with, and never answers with a topic."""

    def name(self) -> str:
        return "action_out_of_scope"

    def reply(self, turn: TurnContext) -> Reply:
        return self.answerer.conversational("out_of_scope", Topic.OUT_OF_SCOPE, turn)
