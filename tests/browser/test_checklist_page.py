"""The printable checklist of a saved plan in a real browser: language, Dutch terms, ticking
steps that stay ticked on another device, the calendar link, and opening a plan by its code."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from runner.stack import Stack

pytestmark = pytest.mark.stack
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PROFILE = {
    "arrival_date": "2027-03-01",
    "first_work_day": "2027-03-15",
    "eu_citizen": False,
    "permit": "highly_skilled_migrant",
    "with_partner": True,
    "municipality": "Utrecht",
}


def saved_plan(stack: Stack, locale: str) -> str:
    response = httpx.post(
        f"{stack.config.api_url}/api/v1/plans", json={**PROFILE, "locale": locale}, timeout=30
    )
    assert response.status_code == 201, response.text
    return str(response.json()["code"])


def test_checklist_in_english_with_dutch_terms(page: Page, stack: Stack, browser: Browser) -> None:
    code = saved_plan(stack, "en")
    page.goto(f"{stack.config.api_url}/plan/{code}")
    expect(page.locator("h1")).to_have_text("Your arrival plan")
    expect(page.locator("#code")).to_have_text(code)
    register = page.locator("#step-register-municipality")
    expect(register).to_contain_text("March 6, 2027")
    expect(register).to_contain_text("Gemeente Utrecht")
    expect(register.locator(".dutch").first).to_have_attribute("lang", "nl")
    expect(page.locator("#step-bank-account")).to_contain_text("uittreksel BRP")
    expect(page.locator("h2").first).to_contain_text("For your partner")
    calendar_link = re.compile(rf"/api/v1/plans/{code}/calendar\.ics\?lang=en$")
    expect(page.locator("#calendar")).to_have_attribute("href", calendar_link)

    # Tick a step with the keyboard; it is saved...
    box = page.locator("#done-register-municipality")
    box.focus()
    page.keyboard.press("Space")
    expect(page.locator("#status")).to_have_text("Saved")
    expect(register).to_have_class("step done")
    # ...and is still ticked when the plan is opened elsewhere with the code.
    other = browser.new_context().new_page()
    other.goto(f"{stack.config.api_url}/plan?code={code.lower().replace('-', '')}")
    expect(other.locator("#done-register-municipality")).to_be_checked()
    expect(other.locator("#done-bank-account")).not_to_be_checked()
    other.context.close()


def test_checklist_in_arabic_is_right_to_left(page: Page, stack: Stack) -> None:
    code = saved_plan(stack, "ar")
    page.goto(f"{stack.config.api_url}/plan/{code}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("#step-register-municipality")).to_contain_text("2027")
    page.emulate_media(media="print")
    expect(page.locator(".actions")).to_be_hidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.emulate_media(media="screen")
    page.screenshot(path=str(SCREENSHOTS / "checklist-ar.png"), full_page=True)


def test_deleting_the_plan_after_confirming(page: Page, stack: Stack) -> None:
    code = saved_plan(stack, "uk")
    page.goto(f"{stack.config.api_url}/plan/{code}")
    # Changing one's mind keeps the plan...
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Видалити цей план").click()
    expect(page.locator("#step-register-municipality")).to_be_visible()
    # ...confirming deletes it, and nothing of it stays on the page or behind its code.
    messages: list[str] = []

    def accept(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name="Видалити цей план").click()
    expect(page.locator("#deleted")).to_have_text(
        "Ваш план і відповіді, за якими його складено, видалено."
    )
    assert messages and messages[0].startswith("Видалити назавжди цей план")
    expect(page.locator(".steps")).to_have_count(0)
    assert httpx.get(f"{stack.config.api_url}/api/v1/plans/{code}").status_code == 404


def test_unknown_code(page: Page, stack: Stack) -> None:
    response = page.goto(f"{stack.config.api_url}/plan/ZZZZ-ZZZZ?lang=nl")
    assert response is not None and response.status == 404
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("#code-input")).to_have_value("ZZZZ-ZZZZ")
