"""The plan as a user reads it: steps and the 30% ruling check in their language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from knowledge.figure_format import FigureFormatter, format_money
from knowledge.knowledge_base import KnowledgeBase
from knowledge.languages import SOURCE_LOCALE, cldr_locale
from knowledge.plan.planner import PlannedStep, build_plan
from knowledge.plan.profile import Profile
from knowledge.plan.ruling_check import RulingCheck, check_ruling
from knowledge.plan.schema import Place, StepDefinition, translatable_fields
from knowledge.translations import Catalogs
from knowledge.ui_text import UiText


@dataclass(frozen=True)
class PlanSource:
    title: str
    url: str
    publisher: str


@dataclass(frozen=True)
class PlanBringItem:
    text: str
    dutch: str  # empty when the text already carries it (and in Dutch)


@dataclass(frozen=True)
class RenderedStep:
    id: str
    topic: str
    order: int
    who: str
    title: str
    due: date | None
    due_text: str | None  # the date as the locale writes it
    overdue: bool
    why: str
    where: str
    bring: list[PlanBringItem]
    sources: list[PlanSource]
    entry: str  # the knowledge entry the chat answers for this step
    locale: str


@dataclass(frozen=True)
class RenderedRulingCheck:
    verdict: str
    label: str
    year: int
    reasons: list[str]
    norm: str | None
    norm_year: int | None
    norm_source: str | None


@dataclass(frozen=True)
class RenderedPlan:
    locale: str
    steps: list[RenderedStep]
    ruling_check: RenderedRulingCheck | None


def _dutch_term(term: str, text: str, locale: str) -> str:
    """The Dutch term to show next to a checklist item, unless the item already says it."""
    if locale == "nl" or term.casefold() in text.casefold():
        return ""
    return term


def format_due(day: date, locale: str) -> str:
    return format_date(day, format="long", locale=cldr_locale(locale))


@dataclass(frozen=True)
class PlanRenderer:
    knowledge: KnowledgeBase
    steps: Sequence[StepDefinition]
    catalogs: Catalogs
    formatter: FigureFormatter
    ui: UiText

    def render(self, profile: Profile, locale: str, today: date) -> RenderedPlan:
        planned = build_plan(profile, self.steps, self.knowledge.figures)
        check = check_ruling(profile, self.knowledge.figures, today)
        return RenderedPlan(
            locale=locale,
            steps=[self._step(item, profile, locale, today) for item in planned],
            ruling_check=self._ruling(check, locale) if check else None,
        )

    def _texts(self, step: StepDefinition, locale: str) -> tuple[list[str], str]:
        english = translatable_fields(step)
        texts = [self.catalogs.pgettext(locale, ctx, msgid) for ctx, msgid in english]
        if all(text is not None for text in texts):
            return [text for text in texts if text is not None], locale
        return [msgid for _, msgid in english], SOURCE_LOCALE

    def _step(self, item: PlannedStep, profile: Profile, locale: str, today: date) -> RenderedStep:
        step = item.step
        texts, served = self._texts(step, locale)
        year = today.year  # the rules as they stand now (deadlines use those of the arrival year)
        title, why, where, *bring_texts = (self.formatter.render(t, served, year) for t in texts)
        if step.place is Place.MUNICIPALITY and profile.municipality:
            where = f"Gemeente {profile.municipality}: {where}"
        bring = [
            PlanBringItem(text=text, dutch=_dutch_term(definition.dutch, text, served))
            for definition, text in zip(step.bring, bring_texts, strict=True)
            if definition in item.bring
        ]
        sources: dict[str, PlanSource] = {}
        for entry_id in step.entries:
            entry = self.knowledge.entries[entry_id]
            for source in entry.sources:
                sources.setdefault(
                    str(source.url),
                    PlanSource(title=source.title, url=str(source.url), publisher=source.publisher),
                )
        return RenderedStep(
            id=step.id,
            topic=step.topic.value,
            order=item.order,
            who=step.who.value,
            title=title,
            due=item.due,
            due_text=format_due(item.due, served) if item.due else None,
            overdue=item.due is not None and item.due < today,
            why=why,
            where=where,
            bring=bring,
            sources=list(sources.values()),
            entry=step.entries[0],
            locale=served,
        )

    def _ruling(self, check: RulingCheck, locale: str) -> RenderedRulingCheck:
        reasons = []
        for reason in check.reasons:
            params: Mapping[str, str] = {
                **{k: format_money(v, locale) for k, v in reason.money.items()},
                **{k: str(v) for k, v in reason.numbers.items()},
            }
            reasons.append(self.ui.text(f"ruling_check.{reason.key}", locale, **params))
        return RenderedRulingCheck(
            verdict=check.verdict.value,
            label=self.ui.text(f"ruling_check.verdict.{check.verdict.value}", locale),
            year=check.year,
            reasons=reasons,
            norm=format_money(check.norm.amount, locale) if check.norm else None,
            norm_year=check.norm.year if check.norm else None,
            norm_source=check.norm.source if check.norm else None,
        )
