"""The freshness report and what users get when a figure for this year is missing."""

from __future__ import annotations

from datetime import date

from actions.answering import Answerer
from actions.conversation_state import RankedIntent, TurnContext
from knowledge.figure_format import FigureFormatter
from knowledge.freshness import freshness_report, render_text
from knowledge.knowledge_base import KnowledgeBase
from knowledge.render import EntryRenderer
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText


def test_report_lists_due_entries_first_and_next_years_gaps(knowledge: KnowledgeBase) -> None:
    today = max(e.review_by for e in knowledge).replace(day=1)
    report = freshness_report(knowledge, today)
    review_dates = [item.review_by for item in report.entries]
    assert review_dates == sorted(review_dates)
    assert {item.status for item in report.entries} <= {"overdue", "due soon", "ok"}
    next_year_gaps = {gap.key for gap in report.figure_gaps if gap.year == today.year + 1}
    # Yearly amounts must be entered every January; fixed legal deadlines never show up.
    assert "brp_registration_days" not in next_year_gaps
    text = render_text(report, all_entries=True)
    assert all(entry.id in text for entry in knowledge)


def test_unverified_years_are_reported(knowledge: KnowledgeBase) -> None:
    report = freshness_report(knowledge, date(2026, 11, 22))
    unverified = {(g.key, g.year) for g in report.figure_gaps if g.reason != "missing"}
    assert ("ruling_salary_norm", 2026) in unverified


def test_missing_figure_for_this_year_gives_no_answer_not_an_old_number(
    knowledge: KnowledgeBase, catalogs: Catalogs, ui: UiText
) -> None:
    renderer = EntryRenderer(knowledge, catalogs, FigureFormatter(knowledge.figures, ui))
    next_year = date(max(y for f in knowledge.figures.values() for y in f.values) + 1, 1, 2)
    answerer = Answerer(knowledge, renderer, ui, today=lambda: next_year)
    turn = TurnContext(
        "en", "salary?", [RankedIntent("ind-salary-requirement-highly-skilled-migrant", 0.97)]
    )
    reply = answerer.answer_entry(turn)
    assert reply["topic"] is None and reply["entry"] is None
    assert reply["escalate"] is True
    assert "€" not in reply["text"]
