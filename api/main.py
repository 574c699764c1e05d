"""The api application: ``create_app()`` builds it; long-lived clients live in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from redis.asyncio import Redis
from redis.exceptions import RedisError

from actions.knowledge_search import KnowledgeSearch
from api.body_limit import BodySizeLimit
from api.core.config import Settings, get_settings
from api.core.sites import load_sites
from api.errors import error_body, install_error_handlers
from api.observability import Metrics, RequestObserver
from api.rate_limit import RateLimiter
from api.readiness import Readiness
from api.routes import chat, checklist, demo, health, plan, sessions, widget
from api.security_headers import SecurityHeaders
from api.services.chat import ChatService
from api.services.escalations import EscalationStore
from api.services.feedback import FeedbackService
from api.services.language import LanguageGuesser
from api.services.plan_store import PlanStore
from api.services.plans import PlanService
from api.services.rasa_client import RasaClient, upstream_session
from api.services.sessions import SessionStore
from api.staff import api as staff_api
from api.staff import pages as staff_pages
from api.staff.accounts import AccountStore
from api.staff.audit import AuditLog
from api.staff.auth import LoginThrottle, StaffSessions
from api.staff.console import NotSignedInError, StaffConsole
from api.staff.handoff import HandoffService
from api.staff.insights import InsightsService
from knowledge.figure_format import FigureFormatter
from knowledge.knowledge_base import load_knowledge_base
from knowledge.languages import SOURCE_LOCALE, SUPPORTED_LOCALES, language_name
from knowledge.plan.municipalities import MunicipalityIndex
from knowledge.plan.render import PlanRenderer
from knowledge.plan.schema import load_steps
from knowledge.render import EntryRenderer
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText, load_ui_messages

STATIC_DIR = Path(__file__).resolve().parent / "static"
logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    catalogs = Catalogs.load()
    ui = UiText(load_ui_messages(), catalogs)
    knowledge = load_knowledge_base()
    plan_renderer = PlanRenderer(
        knowledge, load_steps(), catalogs, FigureFormatter(knowledge.figures, ui), ui
    )
    municipalities = MunicipalityIndex.load()
    entry_renderer = EntryRenderer(knowledge, catalogs, FigureFormatter(knowledge.figures, ui))
    search = KnowledgeSearch.build(knowledge, catalogs)
    sites = load_sites()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        redis = Redis.from_url(
            settings.redis_url,
            decode_responses=True,
            socket_timeout=settings.health_timeout_seconds,
            socket_connect_timeout=settings.health_timeout_seconds,
        )
        http = upstream_session(settings.upstream_timeout_seconds)
        rasa = RasaClient(http, settings.rasa_url, settings.rasa_token)
        plans = PlanService(
            renderer=plan_renderer,
            municipalities=municipalities,
            store=PlanStore(redis, settings.plan_ttl_seconds),
            ui=ui,
            base_url=settings.base_url,
        )
        app.state.plans = plans
        session_store = SessionStore(redis, settings.session_ttl_seconds)
        escalation_store = EscalationStore(redis, settings.session_ttl_seconds, metrics)
        app.state.feedback = FeedbackService(redis, session_store, escalation_store)
        app.state.chat = ChatService(
            sessions=session_store,
            escalations=escalation_store,
            rasa=rasa,
            language=LanguageGuesser.build(
                term for entry in knowledge for term in entry.dutch_terms
            ),
            default_site=settings.default_site,
            max_message_chars=settings.max_message_chars,
            unsupported_note=ui.text(
                "unsupported_language",
                SOURCE_LOCALE,
                languages=", ".join(
                    language_name(code, SOURCE_LOCALE) for code in SUPPORTED_LOCALES
                ),
            ),
            plans=plans,
            sites=sites,
            staff=StaffSessions(redis),  # who is online, for the handoff message
            metrics=metrics,
            ui=ui,
        )
        staff_sessions = StaffSessions(redis)
        audit = AuditLog(redis)
        app.state.staff_console = StaffConsole(
            accounts=AccountStore(redis),
            sessions=staff_sessions,
            throttle=LoginThrottle(redis),
            audit=audit,
            handoff=HandoffService(session_store, escalation_store, audit, entry_renderer),
            insights=InsightsService(redis, escalation_store, knowledge, search),
            escalations=escalation_store,
            chats=session_store,
            plans=plans.store,
            knowledge=knowledge,
            search=search,
            secure_cookie=settings.staff_cookie_secure,
        )
        app.state.rate_limiter = RateLimiter(
            redis, settings.rate_limit_per_ip, settings.rate_limit_per_session
        )
        app.state.readiness = Readiness(
            redis, rasa, http, settings.action_server_url, settings.health_timeout_seconds
        )
        try:
            yield
        finally:
            await http.close()
            await redis.aclose()

    app = FastAPI(title="Welkom", version="0.1.0", lifespan=lifespan)
    app.state.metrics = metrics
    app.state.settings = settings
    app.state.ui = ui
    app.state.sites = sites
    install_error_handlers(app)

    @app.exception_handler(RedisError)
    async def _redis_down(_: Request, exc: RedisError) -> JSONResponse:
        logger.warning("redis unavailable: %s", type(exc).__name__)
        message = ui.text("service_unavailable", SOURCE_LOCALE)
        return JSONResponse(error_body("redis_unavailable", message), status_code=503)

    @app.exception_handler(NotSignedInError)
    async def _sign_in(_: Request, __: NotSignedInError) -> RedirectResponse:
        return RedirectResponse("/staff/login", status_code=303)

    app.include_router(health.router)
    app.include_router(staff_pages.router)
    app.include_router(staff_api.router)
    app.include_router(chat.router)
    app.include_router(plan.router)
    app.include_router(sessions.router)
    app.include_router(widget.router)
    app.include_router(checklist.router)
    app.include_router(demo.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(RequestObserver, metrics=metrics)
    app.add_middleware(
        BodySizeLimit,
        max_bytes=settings.max_body_bytes,
        message=ui.text("error.payload_too_large", SOURCE_LOCALE),
    )
    # The widget on the sites' own pages calls the api across origins (the chat also checks
    # that the origin belongs to the site it names).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=sorted({o for site in sites.values() for o in site.allowed_origins}),
        allow_methods=["GET", "POST", "PUT", "DELETE"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    framers = " ".join(sorted({a for site in sites.values() for a in site.frame_ancestors}))
    app.add_middleware(
        SecurityHeaders,
        frame_ancestors=lambda path: (
            "'none'" if path.startswith("/staff") else f"'self' {framers}".strip()
        ),
    )
    return app
