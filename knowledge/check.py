"""The knowledge check: every defect that would let a user read something wrong or stale.

``python -m knowledge check`` prints every problem and exits non-zero if there is one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml
from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from knowledge import bot_sync
from knowledge.figure_format import YEAR_PLACEHOLDER, figure_refs
from knowledge.knowledge_base import KnowledgeBase, KnowledgeLoadError, load_knowledge_base
from knowledge.languages import SOURCE_LOCALE, SUPPORTED_LOCALES
from knowledge.nlu_examples import NLU_DIR, count_examples
from knowledge.paths import ENTRIES_DIR, FIGURES_FILE, LOCALES_DIR
from knowledge.plan.schema import STEPS_FILE, load_steps
from knowledge.plan.schema import translatable_fields as plan_fields
from knowledge.render import translatable_fields
from knowledge.schema import FigureKind
from knowledge.translations import Catalogs, catalog_path

MAX_ANSWER_CHARS = 1200
MAX_STEP_CHARS = 300
VERIFIED_MAX_AGE = timedelta(days=365)
MIN_EXAMPLES_PER_ENTRY = 10

# Every supported language must be completely translated, and have training examples for
# every entry, on main.
REQUIRED_TRANSLATIONS: tuple[str, ...] = tuple(
    locale for locale in SUPPORTED_LOCALES if locale != SOURCE_LOCALE
)
REQUIRED_NLU: tuple[str, ...] = SUPPORTED_LOCALES
PERIOD_KINDS = frozenset({FigureKind.DAYS, FigureKind.WEEKS, FigureKind.MONTHS, FigureKind.YEARS})


@dataclass(frozen=True)
class CheckOptions:
    today: date
    entries_dir: Path = ENTRIES_DIR
    figures_file: Path = FIGURES_FILE
    locales_dir: Path = LOCALES_DIR
    nlu_dir: Path = NLU_DIR
    required_translations: tuple[str, ...] = REQUIRED_TRANSLATIONS
    required_nlu: tuple[str, ...] = REQUIRED_NLU
    check_bot_files: bool = True
    plan_steps_file: Path | None = STEPS_FILE  # None: a knowledge tree without a plan


def run_check(options: CheckOptions) -> list[str]:
    try:
        knowledge = load_knowledge_base(options.entries_dir, options.figures_file)
    except KnowledgeLoadError as exc:
        return exc.problems
    problems: list[str] = []
    problems += check_dates(knowledge, options.today)
    problems += check_figures(knowledge, options.today.year)
    problems += check_related(knowledge)
    problems += check_lengths(knowledge)
    if options.plan_steps_file is not None:
        problems += check_plan_steps(knowledge, options.plan_steps_file, options.today.year)
    catalogs = Catalogs.load(options.locales_dir)
    problems += check_catalogs_in_step(catalogs, options.locales_dir)
    problems += check_translations(knowledge, catalogs, options)
    problems += check_nlu(knowledge, options)
    if options.check_bot_files:
        problems += [
            f"{path.relative_to(path.parents[2])} is stale: run `python -m knowledge sync-bot`"
            for path in bot_sync.stale(knowledge)
        ]
    return problems


def check_dates(knowledge: KnowledgeBase, today: date) -> list[str]:
    problems = []
    for entry in knowledge:
        if entry.verified > today:
            problems.append(f"{entry.id}: verified date {entry.verified} is in the future")
        if today - entry.verified > VERIFIED_MAX_AGE:
            problems.append(f"{entry.id}: verified {entry.verified}, more than 12 months ago")
        if entry.review_by < today:
            problems.append(f"{entry.id}: review_by {entry.review_by} has passed")
    return problems


def check_figures(knowledge: KnowledgeBase, year: int) -> list[str]:
    problems = []
    for key, figure in knowledge.figures.items():
        future_rule = figure.fixed and min(figure.values) > year
        if figure.applicable_year(year) is None and not future_rule:
            problems.append(f"figure {key}: no value (nor an unverified note) for {year}")
    for entry in knowledge:
        for _, text in translatable_fields(entry):
            for ref in figure_refs(text):
                if ref.is_year:
                    continue
                found = knowledge.figures.get(ref.key)
                if found is None:
                    problems.append(f"{entry.id}: unknown figure key {{{ref.key}}}")
                    continue
                figure = found
                wanted = ref.year or year
                applicable = figure.applicable_year(wanted)
                if applicable is None or figure.values[applicable].value is None:
                    problems.append(
                        f"{entry.id}: figure {ref.key} has no verified value for {wanted}"
                    )
    return problems


def check_plan_steps(knowledge: KnowledgeBase, steps_file: Path, year: int) -> list[str]:
    """The plan's steps rest on existing entries, and their deadlines on period figures."""
    try:
        steps = load_steps(steps_file)
    except (ValueError, yaml.YAMLError) as exc:
        return [f"knowledge/plan/steps.yml: {exc}"]
    problems = []
    for step in steps:
        problems += [
            f"plan step {step.id}: entry {entry_id!r} does not exist"
            for entry_id in step.entries
            if entry_id not in knowledge.entries
        ]
        if step.due and step.due.figure not in knowledge.figures:
            problems.append(f"plan step {step.id}: unknown deadline figure {step.due.figure!r}")
        elif step.due and knowledge.figures[step.due.figure].kind not in PERIOD_KINDS:
            problems.append(
                f"plan step {step.id}: deadline figure {step.due.figure} is not a period"
            )
        for _, text in plan_fields(step):
            problems += [
                f"plan step {step.id}: figure {ref.key} has no verified value for {year}"
                for ref in figure_refs(text)
                if not ref.is_year
                and (
                    ref.key not in knowledge.figures
                    or knowledge.figures[ref.key].applicable_year(year) is None
                )
            ]
    return problems


def check_related(knowledge: KnowledgeBase) -> list[str]:
    return [
        f"{entry.id}: related entry {related!r} does not exist"
        for entry in knowledge
        for related in entry.related
        if related not in knowledge.entries or related == entry.id
    ]


def check_lengths(knowledge: KnowledgeBase) -> list[str]:
    problems = []
    for entry in knowledge:
        if len(entry.answer) > MAX_ANSWER_CHARS:
            problems.append(
                f"{entry.id}: answer has {len(entry.answer)} characters (limit {MAX_ANSWER_CHARS})"
            )
        problems += [
            f"{entry.id}: step {n} has {len(step)} characters (limit {MAX_STEP_CHARS})"
            for n, step in enumerate(entry.steps, start=1)
            if len(step) > MAX_STEP_CHARS
        ]
    return problems


def check_translations(
    knowledge: KnowledgeBase, catalogs: Catalogs, options: CheckOptions
) -> list[str]:
    problems = []
    for locale in options.required_translations:
        if locale == SOURCE_LOCALE:
            continue
        if locale not in catalogs.by_locale:
            problems.append(f"{catalog_path(locale, options.locales_dir)}: catalog missing")
            continue
        catalog = catalogs.by_locale[locale]
        for entry in knowledge:
            for context, msgid in translatable_fields(entry):
                problems += _translation_problems(
                    catalog.get(msgid, context=context), locale, context
                )
        for message in catalog:
            if not message.id or not message.context:
                continue
            if not message.context.startswith(("ui:", "plan:")):
                continue
            problems += _translation_problems(message, locale, message.context)
    return problems


def check_catalogs_in_step(catalogs: Catalogs, locales_dir: Path) -> list[str]:
    """Every catalog holds exactly the messages of the template (run `make catalogs`)."""
    template_path = locales_dir / "messages.pot"
    if not template_path.exists():
        return [f"{template_path}: template missing: run `make catalogs`"]
    with template_path.open("rb") as handle:
        template = read_po(handle)
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    problems = []
    for locale in SUPPORTED_LOCALES:
        if locale == SOURCE_LOCALE:
            continue
        catalog = catalogs.by_locale.get(locale)
        if catalog is None:
            problems.append(f"{catalog_path(locale, locales_dir)}: catalog missing")
            continue
        have = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog if m.id}
        if have != wanted:
            problems.append(
                f"{locale}: catalog out of step with messages.pot "
                f"({len(wanted - have)} missing, {len(have - wanted)} extra): run `make catalogs`"
            )
    return problems


def _translation_problems(message: object, locale: str, context: str) -> list[str]:
    if not isinstance(message, Message):
        return [f"{locale}: {context}: translation missing (run the catalog update)"]
    if message.fuzzy:
        return [f"{locale}: {context}: translation is fuzzy (the English text changed)"]
    strings: Iterable[str] = (
        (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
    )
    ids: Iterable[str] = (message.id,) if isinstance(message.id, str) else tuple(message.id)
    if not all(strings):
        return [f"{locale}: {context}: translation missing"]
    wanted = {p for text in ids for p in _placeholders(text)}
    problems = []
    for text in strings:
        if _placeholders(text) != wanted:
            problems.append(
                f"{locale}: {context}: placeholders {sorted(_placeholders(text))} "
                f"differ from the English {sorted(wanted)}"
            )
    return problems


def _placeholders(text: str) -> set[str]:
    return {ref.key + (f"@{ref.year}" if ref.year else "") for ref in figure_refs(text)} | {
        name for name in ("count", "date", YEAR_PLACEHOLDER) if "{" + name + "}" in text
    }


def check_nlu(knowledge: KnowledgeBase, options: CheckOptions) -> list[str]:
    problems = []
    counts = count_examples(options.nlu_dir)
    known = set(knowledge.entries)
    for locale in options.required_nlu:
        per_intent = counts.get(locale, {})
        for entry_id in sorted(known):
            found = per_intent.get(entry_id, 0)
            if found < MIN_EXAMPLES_PER_ENTRY:
                problems.append(
                    f"nlu/{locale}: {entry_id} has {found} examples "
                    f"(at least {MIN_EXAMPLES_PER_ENTRY})"
                )
    conversational = bot_sync.conversational_intents()
    for locale, per_intent in counts.items():
        problems += [
            f"nlu/{locale}: examples for {intent!r}, which is neither an entry nor a bot intent"
            for intent in per_intent
            if intent not in known and intent not in conversational
        ]
    # A conversational intent people type (not a button-only one) is understood in every language.
    typed = {intent for per_intent in counts.values() for intent in per_intent} & conversational
    for locale in options.required_nlu:
        per_intent = counts.get(locale, {})
        problems += [
            f"nlu/{locale}: {intent} has {per_intent.get(intent, 0)} examples "
            f"(at least {MIN_EXAMPLES_PER_ENTRY})"
            for intent in sorted(typed)
            if per_intent.get(intent, 0) < MIN_EXAMPLES_PER_ENTRY
        ]
    return problems
