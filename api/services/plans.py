"""Arrival plans for the api: a profile in, localized steps, a calendar or a saved plan out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from api.errors import ApiError
from api.schemas import (
    BringOut,
    PlanLinkOut,
    PlanRequest,
    PlanResponse,
    PlanSourceOut,
    PlanStepOut,
    RulingCheckOut,
    SavedPlanOut,
)
from api.services.pickup_codes import normalize_code
from api.services.plan_store import PlanStore, SavedPlan
from knowledge.languages import SOURCE_LOCALE, negotiate, normalize_locale
from knowledge.plan.calendar import plan_calendar
from knowledge.plan.deadlines import today_in_netherlands
from knowledge.plan.municipalities import MunicipalityIndex
from knowledge.plan.profile import Profile
from knowledge.plan.render import PlanRenderer, RenderedPlan
from knowledge.ui_text import UiText


@dataclass(frozen=True)
class PlanService:
    renderer: PlanRenderer
    municipalities: MunicipalityIndex
    store: PlanStore
    ui: UiText
    base_url: str

    def profile_of(self, request: PlanRequest) -> Profile:
        """The profile with the municipality's official name; 422 naming the field if unknown."""
        profile = request.profile()
        if profile.municipality is None:
            return profile
        found = self.municipalities.find(profile.municipality)
        if found is None:
            raise ApiError(
                422,
                "invalid_request",
                detail=[{"field": "municipality", "problem": "unknown Dutch municipality"}],
            )
        return profile.model_copy(update={"municipality": found.name})

    @staticmethod
    def locale_of(requested: str | None, accept_language: str | None) -> str:
        return normalize_locale(requested) or negotiate(accept_language) or SOURCE_LOCALE

    def render(self, profile: Profile, locale: str) -> RenderedPlan:
        return self.renderer.render(profile, locale, today_in_netherlands())

    def response(self, profile: Profile, locale: str, done: tuple[str, ...] = ()) -> PlanResponse:
        plan = self.render(profile, locale)
        check = plan.ruling_check
        return PlanResponse(
            locale=locale,
            profile=profile,
            ruling_check=RulingCheckOut(
                verdict=check.verdict,
                label=check.label,
                year=check.year,
                reasons=check.reasons,
                norm=check.norm,
                norm_year=check.norm_year,
                norm_source=check.norm_source,
                disclaimer=self.ui.text("ruling_check.disclaimer", locale),
            )
            if check
            else None,
            steps=[
                PlanStepOut(
                    id=step.id,
                    topic=step.topic,
                    order=step.order,
                    who=step.who,
                    title=step.title,
                    due=step.due,
                    due_text=step.due_text,
                    overdue=step.overdue and step.id not in done,
                    why=step.why,
                    where=step.where,
                    bring=[BringOut(text=b.text, dutch=b.dutch) for b in step.bring],
                    sources=[
                        PlanSourceOut(title=s.title, url=s.url, publisher=s.publisher)
                        for s in step.sources
                    ],
                    entry=step.entry,
                    done=step.id in done,
                )
                for step in plan.steps
            ],
        )

    def calendar(self, profile: Profile, locale: str, plan_id: str) -> bytes:
        plan = self.render(profile, locale)
        name = self.ui.text("plan.calendar_name", locale)
        return plan_calendar(plan, plan_id, name, datetime.now(UTC))

    def links(self, saved: SavedPlan, locale: str) -> PlanLinkOut:
        return PlanLinkOut(
            code=saved.code,
            checklist_url=f"{self.base_url}/plan/{saved.code}?lang={locale}",
            calendar_url=f"{self.base_url}/api/v1/plans/{saved.code}/calendar.ics?lang={locale}",
        )

    def saved_response(self, saved: SavedPlan, locale: str | None = None) -> SavedPlanOut:
        shown = locale or saved.locale or SOURCE_LOCALE
        body = self.response(saved.profile, shown, saved.done)
        return SavedPlanOut(**body.model_dump(), **self.links(saved, shown).model_dump())

    async def load(self, raw_code: str) -> SavedPlan:
        code = normalize_code(raw_code)
        saved = await self.store.get(code) if code else None
        if saved is None:
            raise ApiError(404, "unknown_plan")
        return saved

    async def delete(self, raw_code: str) -> None:
        code = normalize_code(raw_code)
        if not code or not await self.store.delete(code):
            raise ApiError(404, "unknown_plan")

    async def set_done(self, raw_code: str, done: list[str]) -> SavedPlan:
        saved = await self.load(raw_code)
        known = {step.id for step in self.render(saved.profile, SOURCE_LOCALE).steps}
        unknown = sorted(set(done) - known)
        if unknown:
            raise ApiError(
                422,
                "invalid_request",
                detail=[{"field": "done", "problem": f"not steps of this plan: {unknown}"}],
            )
        await self.store.set_done(saved.code, done)
        return SavedPlan(saved.code, saved.profile, saved.locale, tuple(sorted(set(done))))
