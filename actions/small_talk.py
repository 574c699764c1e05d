from __future__ import annotations

from actions.base import WelkomAction
from actions.conversation_state import TurnContext
from actions.reply import Reply
from knowledge.schema import Topic

# intent -> ui message key
SMALL_TALK = {
    "greet": "greeting",
    "thanks": "thanks",
    "goodbye": "goodbye",
    "affirm": "acknowledged",
    "deny": "acknowledged",
}


class ActionSmallTalk(WelkomAction):
    """Greetings, thanks and goodbyes."""

    def name(self) -> str:
        return "action_small_talk"

    def reply(self, turn: TurnContext) -> Reply:
        key = SMALL_TALK.get(turn.top.name, "greeting")
        return self.answerer.conversational(key, Topic.GREETING, turn)
