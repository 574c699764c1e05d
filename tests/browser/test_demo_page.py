"""The demo page at / chats with the real bot in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from runner.stack import Stack

pytestmark = pytest.mark.stack
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def ask(page: Page, text: str) -> None:
    page.get_by_role("textbox").fill(text)
    page.keyboard.press("Enter")


def test_english_question_by_keyboard(page: Page, stack: Stack) -> None:
    page.goto(stack.config.api_url + "/")
    page.keyboard.press("Tab")
    page.keyboard.type("How do I get a BSN?")
    page.keyboard.press("Enter")
    answer = page.locator(".msg.bot").first
    expect(answer).to_have_attribute("data-topic", "registration", timeout=20_000)
    expect(answer).to_contain_text("municipality")
    expect(answer.locator("a").first).to_have_attribute("target", "_blank")
    expect(answer.locator("a").first).to_have_attribute("rel", "noopener noreferrer")


def test_lang_parameter_is_passed_as_the_locale(page: Page, stack: Stack) -> None:
    page.goto(stack.config.api_url + "/?lang=nl")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    ask(page, "Hoe krijg ik een BSN?")
    answer = page.locator(".msg.bot").first
    expect(answer).to_have_attribute("data-topic", "registration", timeout=20_000)
    expect(answer).to_have_attribute("lang", "nl")
    expect(answer).to_contain_text("gemeente")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "demo-nl.png"), full_page=True)


def test_out_of_scope_and_inert_html(page: Page, stack: Stack) -> None:
    page.goto(stack.config.api_url + "/")
    ask(page, "<img src=x onerror=\"document.body.dataset.pwned='1'\"> weather in Paris?")
    answer = page.locator(".msg.bot").first
    expect(answer).to_have_attribute("data-topic", "out_of_scope", timeout=20_000)
    expect(page.locator(".msg.user").first).to_contain_text("<img src=x")
    assert page.locator("#log img").count() == 0
    assert page.evaluate("document.body.dataset.pwned") is None
