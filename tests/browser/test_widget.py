"""The embeddable widget in real Chromium: keyboard use, languages, right-to-left, history,
inert markup, feedback reaching staff, switching language without a reload, and axe-core."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import redis
from playwright.sync_api import Browser, Locator, Page, expect

from runner.stack import Stack
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.stack
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
ANSWER_TIMEOUT = 20_000


def open_page(page: Page, stack: Stack, query: str = "") -> None:
    page.goto(f"{stack.config.api_url}/{query}")
    expect(page.locator("welkom-chat .launcher")).to_be_visible()


def open_by_keyboard(page: Page) -> None:
    launcher = page.locator("welkom-chat .launcher")
    for _ in range(10):  # tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if launcher.evaluate("b => b.getRootNode().activeElement === b"):
            break
    page.keyboard.press("Enter")
    expect(page.locator("welkom-chat #question")).to_be_focused()


def ask(page: Page, text: str) -> Locator:
    """Type a question, send it with Enter, and return the bot's answer to it."""
    before = page.locator("welkom-chat .msg.bot").count()
    page.locator("welkom-chat #question").fill(text)
    page.keyboard.press("Enter")
    answer = page.locator("welkom-chat .msg.bot").nth(before)
    expect(answer).to_be_visible(timeout=ANSWER_TIMEOUT)
    return answer


def test_english_by_keyboard_focus_in_and_out(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    open_by_keyboard(page)
    welcome = page.locator("welkom-chat .msg.bot").first
    expect(welcome).to_contain_text("Welkom")
    expect(page.locator("welkom-chat .starters button")).to_have_count(4)
    answer = ask(page, "How do I get a BSN?")
    expect(answer).to_have_attribute("data-topic", "registration")
    expect(answer).to_have_attribute("lang", "en")
    expect(answer).to_contain_text("municipality")
    source = answer.locator(".meta a").first
    expect(source).to_have_attribute("target", "_blank")
    expect(source).to_have_attribute("rel", "noopener noreferrer")
    expect(answer.locator(".chip").first).to_have_attribute("lang", "nl")
    expect(page.locator("welkom-chat .log")).to_have_attribute("role", "log")
    page.keyboard.press("Escape")
    expect(page.locator("welkom-chat .panel")).to_be_hidden()
    expect(page.locator("welkom-chat .launcher")).to_be_focused()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("welkom-chat .launcher").click()
    page.screenshot(path=str(SCREENSHOTS / "widget-en.png"))


def test_turkish_question_gets_a_turkish_answer(page: Page, stack: Stack) -> None:
    open_page(page, stack, "?lang=tr")
    page.locator("welkom-chat .launcher").click()
    expect(page.locator("welkom-chat #question")).to_have_attribute("placeholder", "Sorunuzu yazın")
    answer = ask(page, "BSN numarasını nasıl alırım?")
    expect(answer).to_have_attribute("lang", "tr")
    expect(answer).to_have_attribute("data-topic", "registration")


def test_auto_language_follows_the_user(page: Page, stack: Stack) -> None:
    open_page(page, stack)  # data-locale="auto": the browser says English
    page.locator("welkom-chat .launcher").click()
    answer = ask(page, "Sağlık sigortası yaptırmak zorunda mıyım?")
    expect(answer).to_have_attribute("lang", "tr")
    expect(page.locator("welkom-chat #question")).to_have_attribute("placeholder", "Sorunuzu yazın")
    expect(page.locator("welkom-chat #language")).to_have_value("tr")


def test_arabic_is_right_to_left(page: Page, stack: Stack) -> None:
    open_page(page, stack, "?lang=ar")
    expect(page.locator("welkom-chat")).to_have_attribute("dir", "rtl")
    page.locator("welkom-chat .launcher").click()
    expect(page.locator("welkom-chat .panel")).to_have_attribute("dir", "rtl")
    answer = ask(page, "كيف أحصل على رقم BSN؟")
    expect(answer).to_have_attribute("lang", "ar")
    page.screenshot(path=str(SCREENSHOTS / "widget-ar.png"))


def test_phone_size_is_full_screen(page: Page, stack: Stack) -> None:
    page.set_viewport_size({"width": 390, "height": 780})
    open_page(page, stack)
    page.locator("welkom-chat .launcher").click()
    box = page.locator("welkom-chat .panel").bounding_box()
    assert box is not None and box["width"] == 390 and box["height"] == 780
    page.screenshot(path=str(SCREENSHOTS / "widget-phone.png"))


def test_reload_keeps_the_history(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    page.locator("welkom-chat .launcher").click()
    ask(page, "Do I need Dutch health insurance?")
    page.reload()
    page.locator("welkom-chat .launcher").click()
    expect(page.locator("welkom-chat .msg.user")).to_contain_text(
        "Do I need Dutch health insurance?"
    )
    restored = page.locator("welkom-chat .msg.bot").first
    expect(restored).to_have_attribute("data-topic", "health_insurance")
    expect(restored.locator(".meta a").first).to_be_visible()


def test_markup_stays_inert_text(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    page.locator("welkom-chat .launcher").click()
    payload = "<img src=x onerror=\"document.body.dataset.pwned='1'\"><script>alert(1)</script>"
    ask(page, payload + " weather in Paris?")
    expect(page.locator("welkom-chat .msg.user").first).to_contain_text("<img src=x")
    assert page.locator("welkom-chat .log img").count() == 0
    assert page.locator("welkom-chat .log script").count() == 0
    assert page.evaluate("document.body.dataset.pwned") is None


def test_thumbs_down_with_a_comment_reaches_staff(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    page.locator("welkom-chat .launcher").click()
    answer = ask(page, "How much is the eigen risico?")
    answer.get_by_role("button", name="No, not helpful").click()
    comment = page.locator("welkom-chat .feedback textarea")
    expect(comment).to_be_focused()
    comment.fill("I wanted the amount for children, my email is test@example.org")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("welkom-chat .feedback [role=status]")).to_be_visible()
    session_id = page.evaluate("localStorage.getItem('welkom:demo:session')")
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    ids = client.smembers(f"welkom:session:{session_id}:escalations")
    escalations = [client.hgetall(f"welkom:escalation:{i}") for i in ids]
    feedback = [e for e in escalations if e.get("reason") == "feedback"]
    assert len(feedback) == 1
    assert feedback[0]["question"] == "How much is the eigen risico?"
    assert "test@example.org" not in feedback[0]["comment"]  # masked before it is stored


def test_language_switch_without_reload(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    page.evaluate("window.notReloaded = true")
    page.locator("welkom-chat .launcher").click()
    page.locator("welkom-chat #language").select_option("nl")
    expect(page.locator("welkom-chat #question")).to_have_attribute("placeholder", "Typ je vraag")
    answer = ask(page, "How do I get a BSN?")  # asked in English, answered in the chosen Dutch
    expect(answer).to_have_attribute("lang", "nl")
    assert page.evaluate("window.notReloaded") is True


def test_delete_my_conversation(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    page.locator("welkom-chat .launcher").click()
    ask(page, "What is DigiD?")
    session_id = page.evaluate("localStorage.getItem('welkom:demo:session')")
    page.get_by_role("button", name="More options").click()
    page.get_by_role("button", name="Delete my conversation").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(page.locator("welkom-chat .state")).to_have_text("Your conversation has been deleted.")
    assert page.evaluate("localStorage.getItem('welkom:demo:session')") is None
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    assert not client.exists(
        f"welkom:session:{session_id}", f"welkom:session:{session_id}:transcript"
    )


def test_no_wcag_violations_closed_and_open(browser: Browser, stack: Stack) -> None:
    # axe-core is injected as a script; the page's own CSP (script-src 'self') would block it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        open_page(page, stack)
        closed = axe_violations(page)
        assert closed == [], json.dumps(closed, indent=1)
        page.locator("welkom-chat .launcher").click()
        ask(page, "How do I get a BSN?")
        page.get_by_role("button", name="More options").click()
        opened = axe_violations(page)
        assert opened == [], json.dumps(opened, indent=1)
    finally:
        context.close()


def test_talk_to_a_person_shows_the_handoff_state(page: Page, stack: Stack) -> None:
    open_page(page, stack)
    page.locator("welkom-chat .launcher").click()
    page.get_by_role("button", name="Talk to a person").click()
    expect(page.locator("welkom-chat .state")).to_have_text(
        "Waiting for a staff member to join this chat.", timeout=ANSWER_TIMEOUT
    )
    expect(page.locator("welkom-chat .msg.bot").last).to_have_attribute(
        "data-topic", "human_handoff"
    )
