"""A fuzzy or missing translation is never served as current: English is served and flagged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import KnowledgeBase
from knowledge.render import EntryRenderer, field_context
from knowledge.translations import Catalogs, catalog_path
from knowledge.ui_text import UiText, load_ui_messages

TODAY = date(2026, 11, 22)


def renderer_for(knowledge: KnowledgeBase, catalogs: Catalogs) -> EntryRenderer:
    ui = UiText(load_ui_messages(), catalogs)
    return EntryRenderer(knowledge, catalogs, FigureFormatter(knowledge.figures, ui))


def test_dutch_answer_is_current_and_has_dutch_figures(
    knowledge: KnowledgeBase, catalogs: Catalogs
) -> None:
    rendered = renderer_for(knowledge, catalogs).render(
        knowledge.entries["register-within-5-days"], "nl", TODAY
    )
    assert rendered.current and rendered.locale == "nl"
    assert "5 dagen" in rendered.text
    assert "gemeente" in rendered.text


def test_fuzzy_translation_falls_back_to_english(knowledge: KnowledgeBase, tmp_path: Path) -> None:
    source = catalog_path("nl")
    with source.open("rb") as handle:
        catalog = read_po(handle, locale="nl")
    message = catalog.get(
        knowledge.entries["register-within-5-days"].answer.strip(),
        context=field_context("register-within-5-days", "answer"),
    )
    assert message is not None
    message.flags.add("fuzzy")
    target = catalog_path("nl", tmp_path)
    target.parent.mkdir(parents=True)
    with target.open("wb") as handle:
        write_po(handle, catalog)

    stale = Catalogs.load(tmp_path)
    rendered = renderer_for(knowledge, stale).render(
        knowledge.entries["register-within-5-days"], "nl", TODAY
    )
    assert not rendered.current
    assert rendered.locale == "en"
    assert "within 5 days of arrival" in rendered.text
    # the other entries are still served in Dutch
    other = renderer_for(knowledge, stale).render(knowledge.entries["rni-short-stay"], "nl", TODAY)
    assert other.current and other.locale == "nl"


def test_ui_text_falls_back_to_english_for_a_language_without_translation(ui: UiText) -> None:
    text = ui.get("greeting", "hi")
    if text.current:  # once Hindi is translated, the greeting is in Hindi
        assert text.locale == "hi"
    else:
        assert text.locale == "en" and text.text.startswith("Hello")
    assert ui.plural("unit.days", 1, "nl") == "{count} dag"
    assert ui.plural("unit.days", 5, "nl") == "{count} dagen"
