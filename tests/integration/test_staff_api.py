"""The staff console's security and data: argon2id accounts, sessions, CSRF, throttling, roles,
one site per staff member, the queue filters, insights across languages, freshness."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import redis

from runner.stack import Stack
from tests.integration.conftest import STAFF_PASSWORD, ask, create_staff_account

pytestmark = pytest.mark.stack
PASSWORD = STAFF_PASSWORD


class Staff:
    """A signed-in staff member (httpx does not send Secure cookies over http: sent by hand)."""

    def __init__(self, client: httpx.Client, email: str) -> None:
        response = client.post(
            "/staff/login", data={"email": email, "password": PASSWORD}, follow_redirects=False
        )
        assert response.status_code == 303, response.text
        cookie = response.headers["set-cookie"]
        assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=strict" in cookie
        self.token = cookie.split("=", 1)[1].split(";", 1)[0]
        self.client = client
        self.csrf = self.get("/staff/api/me").json()["csrf"]

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return self.client.get(path, cookies={"welkom_staff": self.token}, **kwargs)  # type: ignore[arg-type]

    def post(self, path: str, **kwargs: object) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        return self.client.post(
            path, cookies={"welkom_staff": self.token}, headers=headers, **kwargs
        )  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def accounts(stack: Stack) -> None:
    for email, site, role in (
        ("admin@demo.example", "demo", "admin"),
        ("staff@demo.example", "demo", "staff"),
        ("staff@utrecht.example", "utrecht-region", "staff"),
        ("forgetful@demo.example", "demo", "staff"),
    ):
        done = create_staff_account(stack, email, site, role)
        assert done.returncode == 0, done.stderr


@pytest.fixture
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.config.api_url, timeout=30) as opened:
        yield opened


def test_passwords_are_stored_as_argon2id_hashes(stack: Stack, accounts: None) -> None:
    stored = redis.Redis(port=stack.config.redis_port, decode_responses=True).hgetall(
        "welkom:staff:admin@demo.example"
    )
    assert stored["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in str(stored)
    assert create_staff_account(stack, "x@demo.example", "nowhere").returncode == 2
    short = create_staff_account(stack, "y@demo.example", "demo", password="short")
    assert short.returncode == 2


def test_closed_without_a_session(client: httpx.Client) -> None:
    assert client.get("/staff/api/escalations").status_code == 401
    assert (
        client.get("/staff/api/escalations", cookies={"welkom_staff": "forged"}).status_code == 401
    )
    page = client.get("/staff", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/staff/login"


def test_csrf_token_and_origin_are_required(client: httpx.Client, accounts: None) -> None:
    staff = Staff(client, "staff@demo.example")
    session_id = str(ask(client, "I want to talk to a person", site="demo")["session_id"])
    escalation = next(
        e for e in staff.get("/staff/api/escalations").json() if e["session_id"] == session_id
    )
    url = f"/staff/api/escalations/{escalation['id']}/claim"
    assert staff.post(url, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    cross_site = staff.post(url, headers={"Origin": "https://evil.example"})
    assert cross_site.status_code == 403
    assert staff.post(url).status_code == 200


def test_login_throttling(client: httpx.Client, accounts: None) -> None:
    for _ in range(5):
        wrong = client.post(
            "/staff/login", data={"email": "forgetful@demo.example", "password": "nope"}
        )
        assert wrong.status_code == 401
    blocked = client.post(
        "/staff/login", data={"email": "forgetful@demo.example", "password": PASSWORD}
    )
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0


def test_staff_see_only_their_own_site(client: httpx.Client, stack: Stack, accounts: None) -> None:
    demo_session = str(ask(client, "I want to talk to a person", site="demo")["session_id"])
    utrecht_session = str(
        ask(client, "Ik wil een medewerker spreken", site="utrecht-region")["session_id"]
    )
    admin = Staff(client, "admin@demo.example")
    utrecht = Staff(client, "staff@utrecht.example")
    demo_ids = {e["session_id"]: e["id"] for e in admin.get("/staff/api/escalations").json()}
    utrecht_ids = {e["session_id"]: e["id"] for e in utrecht.get("/staff/api/escalations").json()}
    assert demo_session in demo_ids and utrecht_session not in demo_ids
    assert utrecht_session in utrecht_ids and demo_session not in utrecht_ids
    other = demo_ids[demo_session]
    assert utrecht.get(f"/staff/api/escalations/{other}").status_code == 404
    assert utrecht.post(f"/staff/api/escalations/{other}/claim").status_code == 404
    assert utrecht.get(f"/staff/escalations/{other}").status_code == 404
    # Roles: the audit log is for admins.
    assert utrecht.get("/staff/audit").status_code == 403
    assert admin.get("/staff/audit").status_code == 200


def test_staff_replies_wait_for_the_user(client: httpx.Client, accounts: None) -> None:
    first = ask(client, "I want to talk to a person", site="demo")
    session_id = str(first["session_id"])
    texts = [m["text"] for m in first["messages"]]  # type: ignore[index]
    code = next(
        word.strip(".")
        for text in texts
        for word in text.split()
        if len(word.strip(".")) == 9 and word[4] == "-"
    )
    staff = Staff(client, "staff@demo.example")
    escalation = next(
        e for e in staff.get("/staff/api/escalations").json() if e["session_id"] == session_id
    )
    assert staff.post(f"/staff/api/escalations/{escalation['id']}/claim").status_code == 200
    silent = ask(client, "are you there?", session_id=session_id)
    assert silent["messages"] == [] and silent["handoff"] == "active"
    reply = staff.post(
        f"/staff/api/escalations/{escalation['id']}/reply", json={"text": "Hello, this is Anna."}
    )
    assert reply.status_code == 200
    # Later, on another device, with the code from the chat.
    resumed = client.post("/api/v1/sessions/resume", json={"code": code}).json()
    assert resumed["session_id"] == session_id
    assert resumed["messages"][-1] == {
        **resumed["messages"][-1],
        "from": "staff",
        "text": "Hello, this is Anna.",
    }
    assert staff.post(f"/staff/api/escalations/{escalation['id']}/close").status_code == 200
    assert ask(client, "What is DigiD?", session_id=session_id)["topic"] == "digid"


def test_queue_filters_insights_and_freshness(client: httpx.Client, accounts: None) -> None:
    for question, locale in (
        ("Can my cat get a Dutch passport through the kennismigrant scheme?", "en"),
        ("Kan mijn kat een paspoort krijgen via de kennismigrantenregeling?", "nl"),
    ):
        ask(client, question, site="demo", locale=locale)
    body = ask(client, "How much is the eigen risico?", site="demo")
    client.post(
        "/api/v1/feedback",
        json={
            "session_id": body["session_id"],
            "helpful": False,
            "entry": body["entry"],
            "comment": "mail me at a@b.nl",
        },
    )
    staff = Staff(client, "staff@demo.example")
    insights = staff.get("/staff/api/insights").json()
    health = next(g for g in insights["gaps"] if g["topic"] == "health_insurance")
    assert health["count"] >= 1
    assert insights["feedback"][body["entry"]]["down"] >= 1
    assert sum(insights["volume"][max(insights["volume"])].values()) >= 3
    dutch_only = staff.get("/staff", params={"status": "all", "language": "nl"})
    assert dutch_only.status_code == 200
    csv_export = staff.get("/staff/insights.csv")
    assert csv_export.headers["content-type"].startswith("text/csv")
    assert "a@b.nl" not in csv_export.text  # comments are masked before they are stored
    assert "topic,reason,language" in csv_export.text
    fresh = staff.get("/staff/freshness")
    assert fresh.status_code == 200 and "Figures missing or unverified" in fresh.text
