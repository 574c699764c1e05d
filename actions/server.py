"""Entry point of the action server: builds the knowledge services once and serves the actions.

Run with ``python -m actions.server --port 5055``. The actions are registered as instances
so that their dependencies are injected here, not built at import time.
"""

from __future__ import annotations

import argparse
import logging

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor

from actions.answer_entry import ActionAnswerEntry
from actions.answering import Answerer
from actions.base import WelkomAction
from actions.change_language import ActionChangeLanguage
from actions.handoff import ActionHandoff
from actions.knowledge_search import KnowledgeSearch
from actions.out_of_scope import ActionOutOfScope
from actions.plan_form import PlanConversation, plan_actions
from actions.small_talk import ActionSmallTalk
from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import KnowledgeBase, load_knowledge_base
from knowledge.plan.deadlines import today_in_netherlands
from knowledge.plan.municipalities import MunicipalityIndex
from knowledge.plan.render import PlanRenderer
from knowledge.plan.schema import load_steps
from knowledge.render import EntryRenderer
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText, load_ui_messages

ACTIONS: tuple[type[WelkomAction], ...] = (
    ActionAnswerEntry,
    ActionSmallTalk,
    ActionOutOfScope,
    ActionHandoff,
    ActionChangeLanguage,
)


def build_answerer(
    knowledge: KnowledgeBase | None = None, catalogs: Catalogs | None = None
) -> Answerer:
    knowledge = knowledge or load_knowledge_base()
    catalogs = catalogs or Catalogs.load()
    ui = UiText(load_ui_messages(), catalogs)
    renderer = EntryRenderer(knowledge, catalogs, FigureFormatter(knowledge.figures, ui))
    return Answerer(
        knowledge=knowledge,
        renderer=renderer,
        ui=ui,
        today=today_in_netherlands,
        search=KnowledgeSearch.build(knowledge, catalogs),
    )


def build_plan_conversation(answerer: Answerer) -> PlanConversation:
    formatter = answerer.renderer.formatter
    return PlanConversation(
        ui=answerer.ui,
        renderer=PlanRenderer(
            answerer.knowledge, load_steps(), answerer.renderer.catalogs, formatter, answerer.ui
        ),
        formatter=formatter,
        municipalities=MunicipalityIndex.load(),
        today=today_in_netherlands,
        answerer=answerer,
    )


def build_executor(answerer: Answerer) -> ActionExecutor:
    executor = ActionExecutor()
    for action in ACTIONS:
        executor.register_action(action(answerer))
    for plan_action in plan_actions(build_plan_conversation(answerer)):
        executor.register_action(plan_action)
    return executor


def main() -> None:
    parser = argparse.ArgumentParser(description="Welkom action server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = create_app(build_executor(build_answerer()), cors_origins=[])
    app.run(host=args.host, port=args.port, single_process=True, access_log=False, motd=False)


if __name__ == "__main__":
    main()
