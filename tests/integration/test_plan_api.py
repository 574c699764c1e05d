"""``POST /api/v1/plan``, its calendar, saved plans with a pick-up code, and their errors."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
import redis
from icalendar import Calendar

from runner.stack import Stack

pytestmark = pytest.mark.stack

ACCEPTANCE = {
    "arrival_date": "2027-03-01",
    "first_work_day": "2027-03-15",
    "eu_citizen": False,
    "permit": "highly_skilled_migrant",
    "with_partner": True,
}


def steps_by_id(body: dict[str, object]) -> dict[str, dict[str, object]]:
    return {step["id"]: step for step in body["steps"]}  # type: ignore[attr-defined,index]


def test_acceptance_plan(api: httpx.Client) -> None:
    response = api.post("/api/v1/plan", json={**ACCEPTANCE, "locale": "en"})
    assert response.status_code == 200, response.text
    steps = steps_by_id(response.json())
    assert steps["register-municipality"]["due"] == "2027-03-06"
    assert steps["register-municipality"]["order"] < steps["bank-account"]["order"]  # type: ignore[operator]
    assert steps["health-insurance"]["due"] == "2027-07-01"
    assert steps["thirty-percent-ruling"]["due"] == "2027-07-15"
    assert steps["bank-account"]["due"] is None
    assert "partner-right-to-work" in steps and "partner-job-search" in steps
    topics = {"registration", "bank_account", "health_insurance", "thirty_percent_ruling"}
    assert topics <= {step["topic"] for step in steps.values()}
    for step in steps.values():
        assert step["title"] and step["where"] and step["bring"]
        assert all(s["url"].startswith("https://") for s in step["sources"])  # type: ignore[attr-defined,index]


def test_the_calendar_has_every_dated_step(api: httpx.Client) -> None:
    plan = api.post("/api/v1/plan", json=ACCEPTANCE).json()
    dated = {s["title"]: s["due"] for s in plan["steps"] if s["due"]}
    response = api.post("/api/v1/plan", json=ACCEPTANCE, headers={"Accept": "text/calendar"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(event["SUMMARY"]): event.decoded("DTSTART") for event in calendar.walk("VEVENT")}
    assert events == {title: date.fromisoformat(due) for title, due in dated.items()}
    assert len(events) >= 4
    for event in calendar.walk("VEVENT"):
        # All-day events: a time zone (or the DST change) cannot move a deadline to another day.
        assert type(event.decoded("DTSTART")) is date
        assert (event.decoded("DTEND") - event.decoded("DTSTART")).days == 1
        assert event.walk("VALARM"), "each deadline has a reminder"


def test_plan_in_dutch_with_the_municipality(api: httpx.Client) -> None:
    body = api.post(
        "/api/v1/plan", json={**ACCEPTANCE, "municipality": "den haag", "locale": "nl"}
    ).json()
    assert body["locale"] == "nl"
    assert body["profile"]["municipality"] == "'s-Gravenhage"
    register = steps_by_id(body)["register-municipality"]
    assert register["due_text"] == "6 maart 2027"
    assert str(register["where"]).startswith("Gemeente 's-Gravenhage")
    assert "gemeente" in str(register["title"]).lower()


def test_language_from_accept_language(api: httpx.Client) -> None:
    body = api.post("/api/v1/plan", json=ACCEPTANCE, headers={"Accept-Language": "tr-TR"}).json()
    assert body["locale"] == "tr"
    assert "Mart" in steps_by_id(body)["register-municipality"]["due_text"]  # type: ignore[operator]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"arrival_date": "2027-02-30"}, "arrival_date"),
        ({"arrival_date": "next week"}, "arrival_date"),
        ({"municipality": "Atlantis"}, "municipality"),
        ({"permit": "tourist"}, "permit"),
        ({"age": 7}, "age"),
        ({"salary": -5}, "salary"),
        ({"with_partner": "maybe"}, "with_partner"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_invalid_profiles_name_the_field(
    api: httpx.Client, body: dict[str, object], field: str
) -> None:
    response = api.post("/api/v1/plan", json=body)
    assert response.status_code == 422, response.text
    error = response.json()
    assert error["code"] == "invalid_request"
    assert field in [item["field"] for item in error["detail"]]


def test_saved_plan_and_its_progress(api: httpx.Client) -> None:
    created = api.post("/api/v1/plans", json={**ACCEPTANCE, "locale": "es"})
    assert created.status_code == 201, created.text
    plan = created.json()
    code = plan["code"]
    assert len(code) == 9 and code[4] == "-"
    assert plan["checklist_url"].endswith(f"/plan/{code}?lang=es")
    # Tick two steps, then open the plan "on another device", typing the code sloppily.
    ticked = api.put(
        f"/api/v1/plans/{code}/progress", json={"done": ["register-municipality", "bank-account"]}
    )
    assert ticked.status_code == 200, ticked.text
    reopened = api.get(f"/api/v1/plans/{code.lower().replace('-', ' ')}")
    assert reopened.status_code == 200
    done = {s["id"] for s in reopened.json()["steps"] if s["done"]}
    assert done == {"register-municipality", "bank-account"}
    assert reopened.json()["locale"] == "es"
    calendar = api.get(f"/api/v1/plans/{code}/calendar.ics")
    assert calendar.status_code == 200
    assert len(Calendar.from_ical(calendar.content).walk("VEVENT")) >= 4


def test_unknown_plan_codes(api: httpx.Client) -> None:
    assert api.get("/api/v1/plans/AAAA-AAAA").json()["code"] == "unknown_plan"
    assert api.get("/api/v1/plans/not-a-code").status_code == 404
    missing = api.put("/api/v1/plans/AAAA-AAAA/progress", json={"done": []})
    assert missing.status_code == 404


def test_delete_my_plan(api: httpx.Client, stack: Stack) -> None:
    """The plan holds the answers it was made from (salary, age, dates): its owner can delete it."""
    code = api.post(
        "/api/v1/plans", json={**ACCEPTANCE, "salary": 5200, "age": 31, "locale": "nl"}
    ).json()["code"]
    client = redis.Redis(port=stack.config.redis_port, decode_responses=True)
    assert "5200" in str(client.hget(f"welkom:plan:{code}", "profile"))
    # The code as people type it (lower case, no dash) works here too.
    assert api.delete(f"/api/v1/plans/{code.lower().replace('-', '')}").status_code == 204
    assert not client.exists(f"welkom:plan:{code}")
    assert api.get(f"/api/v1/plans/{code}").status_code == 404
    again = api.delete(f"/api/v1/plans/{code}")
    assert again.status_code == 404 and again.json()["code"] == "unknown_plan"
    assert api.delete("/api/v1/plans/not-a-code").status_code == 404


def test_progress_only_ticks_steps_of_the_plan(api: httpx.Client) -> None:
    code = api.post("/api/v1/plans", json={"eu_citizen": True}).json()["code"]
    response = api.put(f"/api/v1/plans/{code}/progress", json={"done": ["tb-test"]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "done"
