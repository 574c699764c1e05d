from __future__ import annotations

from actions.base import WelkomAction
from actions.conversation_state import TurnContext
from actions.reply import Reply


class ActionAnswerEntry(WelkomAction):
    """Answers a knowledge question from its entry, or falls back along the ladder."""

    def name(self) -> str:
        return "action_answer_entry"

    def reply(self, turn: TurnContext) -> Reply:
        return self.answerer.answer_entry(turn)
