"""The arrival-plan questions in the chat, end to end (api, Rasa form, action server, Redis),
in English, Dutch and Chinese: free-text answers, buttons, skipping, re-asking, stopping."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from knowledge.ui_text import UiText

pytestmark = pytest.mark.stack


class Chat:
    def __init__(self, client: httpx.Client, locale: str | None = None) -> None:
        self.client = client
        self.session_id: str | None = None
        self.locale = locale

    def say(self, text: str) -> dict[str, Any]:
        body: dict[str, Any] = {"text": text}
        if self.session_id:
            body["session_id"] = self.session_id
        elif self.locale:
            body["locale"] = self.locale
        response = self.client.post("/api/v1/chat", json=body)
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        self.session_id = answer["session_id"]
        return answer


def last_text(answer: dict[str, Any]) -> str:
    return str(answer["messages"][-1]["text"])


def asks(answer: dict[str, Any], ui: UiText, field: str, locale: str, **params: str) -> bool:
    return last_text(answer) == ui.text(f"plan.ask.{field}", locale, **params)


DISTANCE = {"km": "150", "months": "16", "reference": "24"}


def test_english_plan_with_free_text_and_buttons(api: httpx.Client, ui: UiText) -> None:
    chat = Chat(api)
    answer = chat.say("Can you make me a personal arrival plan?")
    assert answer["locale"] == "en"
    assert answer["messages"][0]["text"] == ui.text("plan.start", "en")
    assert asks(answer, ui, "arrival_date", "en")
    payloads = [b["payload"] for b in answer["messages"][-1]["buttons"]]
    assert payloads == ["/plan_skip", "/stop_plan"]

    answer = chat.say("banana")  # not a date: explained, and asked again
    assert ui.text("plan.invalid.date", "en") in [m["text"] for m in answer["messages"]]
    assert asks(answer, ui, "arrival_date", "en")

    assert asks(chat.say("1 March 2027"), ui, "first_work_day", "en")
    assert asks(chat.say("15/03/2027"), ui, "municipality", "en")
    answer = chat.say("Utrecht")
    assert asks(answer, ui, "eu_citizen", "en")
    assert [b["payload"] for b in answer["messages"][-1]["buttons"]][:2] == [
        "/plan_yes",
        "/plan_no",
    ]
    answer = chat.say("/plan_no")
    assert asks(answer, ui, "permit", "en")
    assert "/plan_permit_highly_skilled_migrant" in [
        b["payload"] for b in answer["messages"][-1]["buttons"]
    ]
    assert asks(chat.say("/plan_permit_highly_skilled_migrant"), ui, "with_partner", "en")
    assert asks(chat.say("yes, my wife"), ui, "with_children", "en")
    assert asks(chat.say("no"), ui, "age", "en")
    assert asks(chat.say("I'm 35"), ui, "salary", "en")
    # 35: the young-master question does not apply, so the distance question comes next.
    assert asks(chat.say("6,000 gross"), ui, "lived_far_abroad", "en", **DISTANCE)
    answer = chat.say("yes")

    plan = answer["plan"]
    assert plan is not None and len(plan["code"]) == 9
    text = "\n".join(m["text"] for m in answer["messages"])
    assert "March 6, 2027" in text  # registration deadline
    assert "July 1, 2027" in text and "July 15, 2027" in text
    assert plan["code"] in text
    saved = api.get(f"/api/v1/plans/{plan['code']}").json()
    assert saved["profile"] == {
        "arrival_date": "2027-03-01",
        "first_work_day": "2027-03-15",
        "municipality": "Utrecht",
        "eu_citizen": False,
        "permit": "highly_skilled_migrant",
        "with_partner": True,
        "with_children": False,
        "age": 35,
        "salary": "6000",
        "masters": None,
        "lived_far_abroad": True,
    }
    # After the plan, the chat answers questions again.
    after = chat.say("How do I register at the municipality?")
    assert after["topic"] == "registration"


def test_dutch_plan_keeps_dutch_through_short_answers(api: httpx.Client, ui: UiText) -> None:
    chat = Chat(api)
    answer = chat.say("Kun je een persoonlijk plan voor mij maken?")
    assert answer["locale"] == "nl" and asks(answer, ui, "arrival_date", "nl")
    assert asks(chat.say("3 maart 2027"), ui, "first_work_day", "nl")
    assert asks(chat.say("1 april 2027"), ui, "municipality", "nl")
    answer = chat.say("Den Haag")
    assert answer["locale"] == "nl" and asks(answer, ui, "eu_citizen", "nl")
    # An EU citizen is not asked about a residence permit.
    assert asks(chat.say("ja"), ui, "with_partner", "nl")
    assert asks(chat.say("nee"), ui, "with_children", "nl")
    assert asks(chat.say("nee"), ui, "age", "nl")
    assert asks(chat.say("29"), ui, "salary", "nl")
    assert asks(chat.say("4.500 bruto"), ui, "masters", "nl")
    assert asks(chat.say("ja"), ui, "lived_far_abroad", "nl", **DISTANCE)
    answer = chat.say("weet ik niet")  # skipped
    assert answer["locale"] == "nl"
    text = "\n".join(m["text"] for m in answer["messages"])
    assert "8 maart 2027" in text  # within 5 days of 3 March
    profile = api.get(f"/api/v1/plans/{answer['plan']['code']}").json()["profile"]
    assert profile["municipality"] == "'s-Gravenhage"
    assert profile["eu_citizen"] is True and profile["permit"] is None
    assert profile["salary"] == "4500" and profile["masters"] is True
    assert profile["lived_far_abroad"] is None


def test_chinese_plan_with_skips(api: httpx.Client, ui: UiText) -> None:
    chat = Chat(api)
    answer = chat.say("请帮我制定一个个人到达计划")
    assert answer["locale"] == "zh" and asks(answer, ui, "arrival_date", "zh")
    assert asks(chat.say("2027年3月1日"), ui, "first_work_day", "zh")
    assert asks(chat.say("跳过"), ui, "municipality", "zh")
    assert asks(chat.say("阿姆斯特丹"), ui, "eu_citizen", "zh")
    assert asks(chat.say("不是"), ui, "permit", "zh")
    assert asks(chat.say("/plan_permit_eu_blue_card"), ui, "with_partner", "zh")
    assert asks(chat.say("/plan_skip"), ui, "with_children", "zh")
    assert asks(chat.say("没有"), ui, "age", "zh")
    assert asks(chat.say("40"), ui, "salary", "zh")
    assert asks(chat.say("税前6000"), ui, "lived_far_abroad", "zh", **DISTANCE)
    answer = chat.say("是")
    assert answer["locale"] == "zh" and answer["plan"]
    text = "\n".join(m["text"] for m in answer["messages"])
    assert "2027年3月6日" in text
    profile = api.get(f"/api/v1/plans/{answer['plan']['code']}").json()["profile"]
    assert profile["first_work_day"] is None and profile["municipality"] == "Amsterdam"
    assert profile["permit"] == "eu_blue_card" and profile["with_partner"] is None


def test_stop_and_ask_for_a_person_during_the_questions(api: httpx.Client, ui: UiText) -> None:
    chat = Chat(api)
    chat.say("/start_plan")
    chat.say("1 March 2027")
    answer = chat.say("/stop_plan")
    assert last_text(answer) == ui.text("plan.stopped", "en")
    assert "plan" not in answer
    assert chat.say("what is a BSN?")["topic"] == "registration"

    other = Chat(api)
    other.say("/start_plan")
    answer = other.say("I want to talk to a person")
    assert answer["topic"] == "human_handoff" and answer["escalated"]


@pytest.mark.parametrize(
    ("locale", "start", "question", "answer_text", "next_field"),
    [
        ("en", "/start_plan", "How do I get a BSN?", "1 March 2027", "first_work_day"),
        ("nl", "/start_plan", "Hoe krijg ik een BSN?", "1 maart 2027", "first_work_day"),
        ("zh", "/start_plan", "什么是BSN？", "2027年3月1日", "first_work_day"),
    ],
)
def test_a_question_in_between_is_answered_and_the_plan_goes_on(
    api: httpx.Client,
    ui: UiText,
    locale: str,
    start: str,
    question: str,
    answer_text: str,
    next_field: str,
) -> None:
    chat = Chat(api, locale)
    assert asks(chat.say(start), ui, "arrival_date", locale)
    answer = chat.say(question)
    texts = [m["text"] for m in answer["messages"]]
    # Answered from the knowledge base (with its sources), not read as a date ...
    assert ui.text("plan.invalid.date", locale) not in texts
    assert "BSN" in texts[0] and answer["messages"][0]["sources"]
    # ... and the same question again; the answer to it still counts.
    assert asks(answer, ui, "arrival_date", locale)
    assert asks(chat.say(answer_text), ui, next_field, locale)
    chat.say("/stop_plan")
