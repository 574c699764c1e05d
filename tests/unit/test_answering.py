"""The fallback ladder on real knowledge: answer, same-topic answer, did-you-mean, person."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from actions.answering import Answerer
from actions.conversation_state import RankedIntent, TurnContext
from actions.knowledge_search import KnowledgeSearch
from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import KnowledgeBase
from knowledge.render import EntryRenderer
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText


@pytest.fixture
def answerer(knowledge: KnowledgeBase, catalogs: Catalogs, ui: UiText) -> Answerer:
    renderer = EntryRenderer(knowledge, catalogs, FigureFormatter(knowledge.figures, ui))
    return Answerer(knowledge, renderer, ui, today=lambda: date(2026, 11, 22))


def turn(locale: str, *ranking: tuple[str, float]) -> TurnContext:
    return TurnContext(locale, "question", [RankedIntent(n, c) for n, c in ranking])


def test_confident_answer_carries_sources_and_dutch_terms(
    answerer: Answerer, knowledge: KnowledgeBase
) -> None:
    reply = answerer.answer_entry(turn("en", ("register-within-5-days", 0.93)))
    assert reply["topic"] == "registration"
    assert reply["entry"] == "register-within-5-days"
    assert reply["sources"][0]["url"].startswith("https://")
    verified = knowledge.entries["register-within-5-days"].verified.isoformat()
    assert reply["sources"][0]["verified"] == verified
    assert "BSN (burgerservicenummer)" in reply["dutch_terms"]
    assert "5 days" in reply["text"]


def test_close_candidates_in_one_topic_answer_the_best(answerer: Answerer) -> None:
    reply = answerer.answer_entry(
        turn("nl", ("register-within-5-days", 0.45), ("bsn-what-it-is", 0.40))
    )
    assert reply["entry"] == "register-within-5-days"
    assert reply["locale"] == "nl"
    assert [s["entry"] for s in reply["suggestions"]] == ["bsn-what-it-is"]


def test_close_candidates_across_topics_ask_which_was_meant(answerer: Answerer) -> None:
    reply = answerer.answer_entry(
        turn("en", ("bank-account-without-bsn", 0.42), ("register-within-5-days", 0.38))
    )
    assert reply["topic"] is None
    assert {s["entry"] for s in reply["suggestions"]} == {
        "bank-account-without-bsn",
        "register-within-5-days",
    }
    payloads = [b["payload"] for b in reply["buttons"]]
    assert "/bank-account-without-bsn" in payloads and "/human_handoff" in payloads


def test_nothing_usable_offers_a_person_and_escalates(answerer: Answerer) -> None:
    reply = answerer.answer_entry(turn("en", ("rni-short-stay", 0.08), ("greet", 0.05)))
    assert reply["topic"] is None
    assert reply["escalate"] is True
    assert reply["buttons"][-1]["payload"] == "/human_handoff"


def test_a_short_follow_up_leans_on_the_previous_topic(answerer: Answerer) -> None:
    follow_up = TurnContext(
        "en",
        "and which documents?",
        [
            RankedIntent("bank-account-documents", 0.40),
            RankedIntent("registration-documents", 0.35),
            RankedIntent("out_of_scope", 0.10),
        ],
        previous_entry="register-within-5-days",
    )
    assert answerer.answer_entry(follow_up)["entry"] == "registration-documents"
    without_context = TurnContext("en", follow_up.text, follow_up.ranking)
    assert answerer.answer_entry(without_context)["entry"] != "registration-documents"


def test_a_long_new_question_ignores_the_previous_topic(answerer: Answerer) -> None:
    turn = TurnContext(
        "en",
        "which documents does a Dutch bank want from me when I open my first account here",
        [RankedIntent("bank-account-documents", 0.45), RankedIntent("registration-documents", 0.3)],
        previous_entry="register-within-5-days",
    )
    assert answerer.answer_entry(turn)["topic"] != "registration"


def test_without_a_usable_nlu_candidate_a_search_offers_the_closest_entries(
    answerer: Answerer, knowledge: KnowledgeBase, catalogs: Catalogs
) -> None:
    searching = replace(answerer, search=KnowledgeSearch.build(knowledge, catalogs))
    turn = TurnContext("zh", "basisbetaalrekening?", [RankedIntent("rni-short-stay", 0.05)])
    reply = searching.answer_entry(turn)
    assert reply["topic"] is None
    assert reply["suggestions"][0]["entry"] == "basic-bank-account-right"
    assert reply["locale"] == "zh"
    nothing = TurnContext("en", "zzqx vvkk", [RankedIntent("rni-short-stay", 0.05)])
    assert searching.answer_entry(nothing)["escalate"] is True
