from __future__ import annotations

from actions.base import WelkomAction
from actions.conversation_state import TurnContext
from actions.reply import Reply, make_reply
from knowledge.languages import requested_language
from knowledge.schema import Topic


class ActionChangeLanguage(WelkomAction):
    """ "Can you answer in Turkish?": confirm in the requested language; the api then keeps it."""

    def name(self) -> str:
        return "action_change_language"

    def reply(self, turn: TurnContext) -> Reply:
        target = requested_language(turn.text)
        if target is None:
            return make_reply(
                text=self.answerer.ui.text(
                    "which_language",
                    turn.locale,
                    languages=self.answerer.language_list(turn.locale),
                ),
                locale=turn.locale,
                topic=Topic.GREETING.value,
                confidence=turn.top.confidence,
            )
        return make_reply(
            text=self.answerer.ui.text("language_switched", target),
            locale=target,
            topic=Topic.GREETING.value,
            confidence=turn.top.confidence,
        )
