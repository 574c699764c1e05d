"""The whole staff flow in real Chromium, with two sites and two staff accounts: a user asks
for a person -> staff of that site (not the other) sees it -> claims -> the bot stays silent ->
staff answers with a knowledge entry -> the user reads it in Turkish -> staff closes -> the bot
answers again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from knowledge.knowledge_base import KnowledgeBase
from knowledge.translations import Catalogs
from runner.stack import Stack
from tests.browser.conftest import axe_violations
from tests.integration.conftest import STAFF_PASSWORD, create_staff_account

pytestmark = pytest.mark.stack
ANSWER_TIMEOUT = 20_000


@pytest.fixture(scope="module")
def accounts(stack: Stack) -> None:
    for email, site, role in (
        ("anna@demo.example", "demo", "admin"),
        ("bram@utrecht.example", "utrecht-region", "staff"),
    ):
        done = create_staff_account(stack, email, site, role)
        assert done.returncode == 0, done.stderr


def staff_page(browser: Browser, stack: Stack, email: str) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{stack.config.api_url}/staff")
    expect(page).to_have_url(f"{stack.config.api_url}/staff/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text("Queue")
    yield page
    context.close()


def test_handoff_flow_across_two_sites(
    page: Page,
    browser: Browser,
    stack: Stack,
    accounts: None,
    knowledge: KnowledgeBase,
    catalogs: Catalogs,
) -> None:
    # The user, on the demo site's widget, in Turkish, asks for a person.
    page.goto(f"{stack.config.api_url}/?lang=tr")
    page.locator("welkom-chat .launcher").click()
    page.locator("welkom-chat #question").fill("Bir çalışanla konuşmak istiyorum")
    page.keyboard.press("Enter")
    expect(page.locator("welkom-chat .state")).to_be_visible(timeout=ANSWER_TIMEOUT)

    anna = next(staff_page(browser, stack, "anna@demo.example"))
    bram = next(staff_page(browser, stack, "bram@utrecht.example"))
    row = anna.locator("tr.escalation", has_text="Bir çalışanla konuşmak istiyorum")
    expect(row).to_have_count(1)
    expect(
        bram.locator("tr.escalation", has_text="Bir çalışanla konuşmak istiyorum")
    ).to_have_count(0)
    escalation_url = row.locator("a").get_attribute("href")
    assert escalation_url is not None
    # The other site's staff cannot open it even with the address.
    response = bram.goto(stack.config.api_url + escalation_url)
    assert response is not None and response.status == 404

    row.locator("a").click()
    expect(anna.locator("#language")).to_have_text("tr")
    anna.get_by_role("button", name="Claim this chat (the bot goes silent)").click()
    expect(anna.locator("#handoff")).to_have_text("active")

    # The bot is silent now; the user's message reaches the staff member live.
    bot_before = page.locator("welkom-chat .msg.bot").count()
    page.locator("welkom-chat #question").fill("Kayıt için hangi belgeler gerekiyor?")
    page.keyboard.press("Enter")
    expect(anna.locator("#transcript li.user").last).to_contain_text(
        "Kayıt için hangi belgeler gerekiyor?", timeout=ANSWER_TIMEOUT
    )
    expect(page.locator("welkom-chat .state")).to_contain_text("katıldı")  # "has joined"
    assert page.locator("welkom-chat .msg.bot").count() == bot_before

    # Staff answers with a knowledge entry; the user reads it in Turkish.
    anna.get_by_label("Or send a knowledge entry").select_option("registration-documents")
    anna.get_by_role("button", name="Send entry").click()
    staff_message = page.locator("welkom-chat .msg.staff").last
    expect(staff_message).to_be_visible(timeout=ANSWER_TIMEOUT)
    english = knowledge.entries["registration-documents"].title
    turkish = catalogs.pgettext("tr", "entry:registration-documents:title", english)
    assert turkish and turkish != english
    expect(staff_message).to_contain_text(turkish)
    assert staff_message.evaluate("m => m.closest('[lang]').getAttribute('lang')") == "tr"

    # Closing hands the chat back to the bot.
    anna.get_by_role("button", name="Close (the bot answers again)").click()
    expect(anna.locator("h1")).to_have_text("Queue")
    expect(page.locator("welkom-chat .state")).to_be_visible(timeout=ANSWER_TIMEOUT)
    page.locator("welkom-chat #question").fill("DigiD nedir?")
    page.keyboard.press("Enter")
    answer = page.locator("welkom-chat .msg.bot").last
    expect(answer).to_have_attribute("data-topic", "digid", timeout=ANSWER_TIMEOUT)

    # Every step is in the site's audit log, which the admin can read.
    anna.goto(f"{stack.config.api_url}/staff/audit")
    for action in ("login", "claim", "reply_with_entry", "close"):
        expect(anna.locator("td", has_text=action).first).to_be_visible()


def test_console_pages_have_no_wcag_violations(
    browser: Browser, stack: Stack, accounts: None
) -> None:
    context = browser.new_context(bypass_csp=True)  # only to inject axe-core
    page = context.new_page()
    try:
        page.goto(f"{stack.config.api_url}/staff/login")
        assert axe_violations(page) == []
        page.get_by_label("E-mail").fill("anna@demo.example")
        page.get_by_label("Password").fill(STAFF_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        for path in ("/staff", "/staff/insights", "/staff/freshness", "/staff/audit"):
            page.goto(stack.config.api_url + path)
            found = axe_violations(page)
            assert found == [], (path, found)
    finally:
        context.close()
