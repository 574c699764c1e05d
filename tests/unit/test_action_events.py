"""What the actions remember for the next turn: the answered entry and an open offer."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_entry import ActionAnswerEntry
from actions.answering import Answerer
from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import KnowledgeBase
from knowledge.render import EntryRenderer
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText


def run_action(answerer: Answerer, ranking: list[tuple[str, float]]) -> list[dict[str, Any]]:
    tracker = Tracker(
        sender_id="test",
        slots={},
        latest_message={
            "text": "question",
            "intent": {"name": ranking[0][0], "confidence": ranking[0][1]},
            "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking],
            "metadata": {"locale": "en"},
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
    dispatcher = CollectingDispatcher()
    # In a thread of its own: the browser tests' Playwright keeps an event loop in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        action = ActionAnswerEntry(answerer)
        events = pool.submit(asyncio.run, action.run(dispatcher, tracker, {})).result()
    assert dispatcher.messages and dispatcher.messages[0]["custom"]["welkom_reply"] == 1
    return events


def build(knowledge: KnowledgeBase, catalogs: Catalogs, ui: UiText) -> Answerer:
    renderer = EntryRenderer(knowledge, catalogs, FigureFormatter(knowledge.figures, ui))
    return Answerer(knowledge, renderer, ui, today=lambda: date(2026, 11, 22))


def test_an_answer_remembers_the_entry_and_clears_any_offer(
    knowledge: KnowledgeBase, catalogs: Catalogs, ui: UiText
) -> None:
    events = run_action(build(knowledge, catalogs, ui), [("rni-short-stay", 0.95)])
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots == {"pending_offer": None, "last_entry": "rni-short-stay"}


def test_no_answer_leaves_the_offer_of_a_person_open(
    knowledge: KnowledgeBase, catalogs: Catalogs, ui: UiText
) -> None:
    events = run_action(build(knowledge, catalogs, ui), [("rni-short-stay", 0.05)])
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots == {"pending_offer": "handoff"}
