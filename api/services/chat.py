"""One chat turn: session, language, masking, Rasa, and the contract-shaped answer."""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from babel.dates import format_datetime

from actions.answering import HANDOFF_PAYLOAD
from actions.reply import Reply, is_reply
from api.core.sites import Site, is_open, next_opening
from api.errors import ApiError
from api.observability import Metrics
from api.schemas import ChatRequest, ChatResponse, MessageOut, PlanLinkOut, SuggestionOut
from api.services.escalations import EscalationReason, EscalationStore
from api.services.language import LanguageGuesser
from api.services.plans import PlanService
from api.services.rasa_client import RasaClient, RasaUnavailableError
from api.services.redaction import redact
from api.services.sessions import ConversationDeletedError, Handoff, Session, SessionStore
from api.staff.auth import StaffSessions
from knowledge.languages import cldr_locale, negotiate, normalize_locale
from knowledge.plan.profile import Profile
from knowledge.schema import Topic
from knowledge.ui_text import UiText

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff]")
BUTTON_PAYLOAD = re.compile(r"^/[a-z0-9_-]{1,80}$")
MARKUP = re.compile(r"<[^<>]{0,500}>")


def clean_text(text: str) -> str:
    """NFC-normalised text without control or invisible direction characters."""
    return CONTROL_CHARS.sub("", unicodedata.normalize("NFC", text)).strip()


def without_markup(text: str) -> str:
    """What the user wrote, minus HTML tags (pasted markup is not part of the question)."""
    return " ".join(MARKUP.sub(" ", text).split())


@dataclass(frozen=True)
class ChatService:
    sessions: SessionStore
    escalations: EscalationStore
    rasa: RasaClient
    language: LanguageGuesser
    default_site: str
    max_message_chars: int
    unsupported_note: str  # said in English when the user writes in a language we do not speak
    plans: PlanService
    sites: Mapping[str, Site]
    staff: StaffSessions
    ui: UiText
    metrics: Metrics

    async def handle(
        self, request: ChatRequest, accept_language: str | None = None
    ) -> ChatResponse:
        requested_locale = normalize_locale(request.locale)
        text = clean_text(request.text)
        if not without_markup(text):
            raise ApiError(422, "empty_text", locale=requested_locale or "en")
        if len(text) > self.max_message_chars:
            raise ApiError(
                413,
                "message_too_long",
                locale=requested_locale or "en",
                params={"limit": str(self.max_message_chars)},
            )
        session = await self._session(request, requested_locale)
        is_payload = bool(BUTTON_PAYLOAD.match(text))
        unsupported = False
        if requested_locale:
            locale = requested_locale
        elif is_payload or (session.locale and (session.locale_pinned or session.awaiting_answer)):
            # An answer to a plan question ("Den Haag", "ja", "15/04") says little about the
            # user's language: the conversation keeps its language.
            locale = session.locale or "en"
        else:
            choice = self.language.choose(
                without_markup(text), session.locale, negotiate(accept_language)
            )
            locale, unsupported = choice.locale, choice.unsupported
        # Rasa keeps the text in its tracker store, so it only ever sees the masked text.
        masked = redact(text) if not is_payload else text
        if session.handoff is Handoff.ACTIVE:
            return await self._to_staff(session, masked, locale)
        question = without_markup(masked)
        try:
            bot_messages = await self.rasa.send(
                session.id, question, {"locale": locale, "site": session.site}
            )
        except RasaUnavailableError as exc:
            if question == HANDOFF_PAYLOAD:
                # Asking for a person still works without the bot.
                return await self._handoff_without_rasa(session, locale)
            raise ApiError(
                503, "rasa_unavailable", message_key="service_unavailable", locale=locale
            ) from exc
        replies: list[Reply] = [m["custom"] for m in bot_messages if is_reply(m.get("custom"))]
        if not replies:
            raise ApiError(
                503, "actions_unavailable", message_key="action_unavailable", locale=locale
            )
        answer = replies[-1]
        # The answer's language: normally the one chosen above; a request such as "answer in
        # Turkish" comes back in the requested language, which the session then keeps.
        if answer["locale"] != locale:
            session.locale_pinned = True
        locale = answer["locale"]
        session.locale = locale
        session.awaiting_answer = bool(answer.get("expects_answer"))
        plan_link = await self._save_plan(answer, locale)
        if plan_link:
            session.plan_code = plan_link.code
        self._observe(answer, locale)
        escalated = False
        availability: str | None = None
        if answer["escalate"]:
            reason = (
                EscalationReason.HANDOFF_REQUESTED
                if answer["topic"] == Topic.HUMAN_HANDOFF
                else EscalationReason.UNANSWERED
            )
            availability = await self._escalate(
                session, reason, locale, masked, answer["confidence"]
            )
            escalated = True
        now = time.time()
        await self._save_turn(
            session,
            [{"from": "user", "text": masked, "at": now, "locale": locale}]
            + [
                {
                    "from": "bot",
                    "text": r["text"],
                    "at": now,
                    "topic": r["topic"],
                    "entry": r["entry"],
                    "confidence": r["confidence"],
                    "sources": r["sources"],
                    "dutch_terms": r["dutch_terms"],
                }
                for r in replies
            ],
        )
        notes = [MessageOut(text=self.unsupported_note)] if unsupported else []
        after = (
            [MessageOut(text=self.ui.text("plan.open_checklist", locale, code=plan_link.code))]
            if plan_link
            else []
        )
        if availability:
            after.append(MessageOut(text=availability))
        return ChatResponse(
            session_id=session.id,
            locale=locale,
            messages=notes
            + [
                MessageOut.model_validate(
                    {
                        "text": r["text"],
                        "buttons": r["buttons"],
                        "sources": r["sources"],
                        "dutch_terms": r["dutch_terms"],
                    }
                )
                for r in replies
            ]
            + after,
            topic=answer["topic"],
            entry=answer["entry"],
            confidence=answer["confidence"],
            suggestions=[SuggestionOut.model_validate(s) for s in answer["suggestions"]],
            escalated=escalated,
            handoff=session.handoff.value,
            plan=plan_link,
        )

    async def forget(self, session: Session) -> None:
        """Delete the conversation and everything made from it (the user's right to erasure)."""
        await self.sessions.delete(session, await self.escalations.ids_for_session(session.id))

    async def _save_turn(self, session: Session, entries: list[dict[str, object]]) -> None:
        try:
            await self.sessions.save_turn(session, entries)
        except ConversationDeletedError:
            # Deleted while this message was answered: what the message added (an escalation)
            # goes too, and the conversation stays gone.
            await self.forget(session)
            raise ApiError(404, "unknown_session", locale=session.locale or "en") from None

    def _observe(self, answer: Reply, locale: str) -> None:
        if answer["entry"]:
            kind = "answered"
            self.metrics.confidence.labels(locale).observe(answer["confidence"])
        elif answer["suggestions"] or (answer["buttons"] and answer["topic"] is None):
            kind = "did_you_mean"
        elif answer["escalate"] and answer["topic"] != Topic.HUMAN_HANDOFF:
            kind = "no_answer"
        else:
            kind = "conversation"
        self.metrics.answers.labels(kind, locale).inc()

    async def _escalate(
        self,
        session: Session,
        reason: EscalationReason,
        locale: str,
        question: str,
        confidence: float,
    ) -> str | None:
        """Queue the conversation for staff; for a handoff request, also what to expect
        (office hours, pick-up code) when nobody can answer now."""
        await self.escalations.create(
            session_id=session.id,
            site=session.site,
            reason=reason,
            locale=locale,
            question=question,
            confidence=confidence,
        )
        if reason is not EscalationReason.HANDOFF_REQUESTED:
            return None
        session.handoff = Handoff.REQUESTED
        return await self._availability(session, locale)

    async def _handoff_without_rasa(self, session: Session, locale: str) -> ChatResponse:
        session.locale = session.locale or locale
        availability = await self._escalate(
            session, EscalationReason.HANDOFF_REQUESTED, locale, HANDOFF_PAYLOAD, 0.0
        )
        text = self.ui.text("handoff_requested", locale)
        await self._save_turn(
            session,
            [
                {"from": "user", "text": HANDOFF_PAYLOAD, "at": time.time(), "locale": locale},
                {"from": "bot", "text": text, "at": time.time(), "topic": "human_handoff"},
            ],
        )
        messages = [MessageOut(text=text)]
        if availability:
            messages.append(MessageOut(text=availability))
        return ChatResponse(
            session_id=session.id,
            locale=locale,
            messages=messages,
            topic=Topic.HUMAN_HANDOFF,
            entry=None,
            confidence=0.0,
            suggestions=[],
            escalated=True,
            handoff=session.handoff.value,
        )

    async def _to_staff(self, session: Session, masked: str, locale: str) -> ChatResponse:
        """A staff member has taken over: the bot stays silent and the message waits for them."""
        await self._save_turn(
            session, [{"from": "user", "text": masked, "at": time.time(), "locale": locale}]
        )
        return ChatResponse(
            session_id=session.id,
            locale=session.locale or locale,
            messages=[],
            topic=None,
            entry=None,
            confidence=0.0,
            suggestions=[],
            escalated=False,
            handoff=session.handoff.value,
        )

    async def _availability(self, session: Session, locale: str) -> str | None:
        """Outside office hours, or with nobody online: when to expect an answer, and a code."""
        site = self.sites.get(session.site)
        if site is None:
            return None
        now = datetime.now(UTC)
        if is_open(site, now) and await self.staff.anyone_online(site.id):
            return None
        code = await self.sessions.resume_code(session)
        opens = next_opening(site, now)
        if not is_open(site, now) and opens is not None:
            when = format_datetime(
                opens, "EEEE HH:mm", tzinfo=opens.tzinfo, locale=cldr_locale(locale)
            )
            return self.ui.text("handoff.closed_now", locale, opens=when, code=code)
        return self.ui.text("handoff.nobody_online", locale, code=code)

    async def _save_plan(self, answer: Reply, locale: str) -> PlanLinkOut | None:
        """A finished plan form: save the plan under a pick-up code and link its checklist."""
        profile_data = answer.get("plan")
        if not profile_data:
            return None
        profile = Profile.model_validate(profile_data)
        saved = await self.plans.store.create(profile, locale)
        return self.plans.links(saved, locale)

    async def _session(self, request: ChatRequest, locale: str | None) -> Session:
        if request.session_id is None:
            return self.sessions.create(request.site or self.default_site)
        session = await self.sessions.get(request.session_id)
        if session is None:
            raise ApiError(404, "unknown_session", locale=locale or "en")
        return session
