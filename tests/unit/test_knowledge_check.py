"""The knowledge check catches each kind of defect (one small fixture per kind)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from knowledge.check import CheckOptions, run_check
from knowledge.languages import CLDR_LOCALES, SOURCE_LOCALE
from knowledge.render import translatable_fields
from knowledge.schema import Entry

TODAY = date(2026, 11, 22)


def entry_data(entry_id: str = "register-at-gemeente", **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entry_id,
        "topic": "registration",
        "title": "Register at the municipality",
        "answer": "Register within {brp_registration_days} of arrival at your gemeente.",
        "related": [],
        "sources": [
            {
                "title": "Inschrijven in de BRP",
                "publisher": "Rijksoverheid",
                "url": "https://www.rijksoverheid.nl/brp",
                "retrieved": "2026-11-01",
            }
        ],
        "verified": "2026-11-01",
        "review_by": "2027-05-01",
    }
    data.update(changes)
    return data


FIGURES = {
    "brp_registration_days": {
        "kind": "days",
        "fixed": True,
        "label": "BRP deadline",
        "values": {2014: {"value": 5, "source": "https://www.rijksoverheid.nl/brp"}},
    },
    "ind_hsm_30_plus": {
        "kind": "money",
        "label": "HSM 30+",
        "values": {2026: {"value": 5942, "source": "https://www.meijburg.com/x"}},
    },
}


@dataclass
class Tree:
    root: Path

    @property
    def options(self) -> CheckOptions:
        return CheckOptions(
            today=TODAY,
            entries_dir=self.root / "entries",
            figures_file=self.root / "figures.yml",
            locales_dir=self.root / "locales",
            nlu_dir=self.root / "nlu",
            required_translations=("nl",),
            required_nlu=("en",),
            check_bot_files=False,
            plan_steps_file=self.plan_steps,
        )

    @property
    def plan_steps(self) -> Path | None:
        path = self.root / "steps.yml"
        return path if path.exists() else None

    def write_plan_step(self, **changes: Any) -> None:
        step: dict[str, Any] = {
            "id": "register-municipality",
            "topic": "registration",
            "entries": ["register-at-gemeente"],
            "who": "everyone",
            "due": {"from": "arrival_date", "figure": "brp_registration_days"},
            "title": "Register at the municipality",
            "why": "Within {brp_registration_days} of arrival.",
            "where": "Your municipality (gemeente).",
            "bring": [{"text": "Your passport", "dutch": "paspoort"}],
        }
        step.update(changes)
        (self.root / "steps.yml").write_text(yaml.safe_dump([step]), encoding="utf-8")

    def write_entry(self, data: dict[str, Any], name: str | None = None) -> None:
        path = self.root / "entries" / f"{name or data['id']}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data), encoding="utf-8")

    def write_figures(self, figures: dict[str, Any]) -> None:
        (self.root / "figures.yml").write_text(yaml.safe_dump(figures), encoding="utf-8")

    def write_catalogs(self, entries: list[dict[str, Any]], nl: dict[str, str | None]) -> None:
        """A template plus one catalog per locale; nl translations given by context
        (None = fuzzy, missing key = untranslated)."""
        template = Catalog()
        fields = [f for data in entries for f in translatable_fields(Entry.model_validate(data))]
        for context, msgid in fields:
            template.add(msgid, context=context)
        (self.root / "locales").mkdir(parents=True, exist_ok=True)
        with (self.root / "locales" / "messages.pot").open("wb") as handle:
            write_po(handle, template)
        for locale, cldr in CLDR_LOCALES.items():
            if locale == SOURCE_LOCALE:
                continue
            catalog = Catalog(locale=cldr)
            for context, msgid in fields:
                if locale == "nl" and context in nl:
                    translated = nl[context]
                    flags = ["fuzzy"] if translated is None else []
                    catalog.add(msgid, translated or "Oude vertaling", context=context, flags=flags)
                else:
                    catalog.add(msgid, "", context=context)
            folder = self.root / "locales" / cldr / "LC_MESSAGES"
            folder.mkdir(parents=True, exist_ok=True)
            with (folder / "messages.po").open("wb") as handle:
                write_po(handle, catalog)

    def write_nlu(self, intents: dict[str, int]) -> None:
        folder = self.root / "nlu" / "en"
        folder.mkdir(parents=True, exist_ok=True)
        blocks = [
            {
                "intent": name,
                "examples": "".join(f"- question {i} about {name}\n" for i in range(n)),
            }
            for name, n in intents.items()
        ]
        (folder / "data.yml").write_text(yaml.safe_dump({"nlu": blocks}), encoding="utf-8")


def good_translations(data: dict[str, Any]) -> dict[str, str | None]:
    entry = Entry.model_validate(data)
    texts = {
        "title": "Inschrijven bij de gemeente",
        "answer": "Schrijf je binnen {brp_registration_days} na aankomst in bij je gemeente.",
    }
    return {ctx: texts[ctx.rsplit(":", 1)[1]] for ctx, _ in translatable_fields(entry)}


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    """A valid knowledge tree; each test breaks one thing."""
    made = Tree(tmp_path)
    data = entry_data()
    made.write_entry(data)
    made.write_figures(FIGURES)
    made.write_catalogs([data], good_translations(data))
    made.write_nlu({data["id"]: 12})
    return made


def test_the_valid_fixture_passes(tree: Tree) -> None:
    assert run_check(tree.options) == []


def problems_after(tree: Tree, **changes: Any) -> list[str]:
    data = entry_data(**changes)
    tree.write_entry(data)
    tree.write_catalogs([data], good_translations(data))
    return run_check(tree.options)


def test_http_source_is_refused(tree: Tree) -> None:
    source = dict(entry_data()["sources"][0], url="http://www.rijksoverheid.nl/brp")
    tree.write_entry(entry_data(sources=[source]))
    assert any("https" in p for p in run_check(tree.options))


def test_missing_sources_are_refused(tree: Tree) -> None:
    tree.write_entry(entry_data(sources=[]))
    assert any("sources" in p for p in run_check(tree.options))


def test_verified_more_than_a_year_ago(tree: Tree) -> None:
    problems = problems_after(tree, verified="2025-10-01")
    assert any("more than 12 months ago" in p for p in problems)


def test_review_date_passed(tree: Tree) -> None:
    assert any("review_by" in p for p in problems_after(tree, review_by="2026-11-01"))


def test_unknown_figure_key(tree: Tree) -> None:
    problems = problems_after(tree, answer="The criterion is {ind_hsm_over_30} per month.")
    assert any("unknown figure key {ind_hsm_over_30}" in p for p in problems)


def test_figure_missing_for_the_current_year(tree: Tree) -> None:
    figures = dict(FIGURES)
    figures["ind_hsm_30_plus"] = {
        **FIGURES["ind_hsm_30_plus"],
        "values": {2025: {"value": 5688, "source": "https://wcfv.nl/x"}},
    }
    tree.write_figures(figures)
    assert any("ind_hsm_30_plus: no value" in p and "2026" in p for p in run_check(tree.options))


def test_answer_using_an_unverified_year(tree: Tree) -> None:
    figures = dict(FIGURES)
    figures["ruling_salary_norm"] = {
        "kind": "money",
        "label": "norm",
        "values": {2026: {"unverified": "no source found"}},
    }
    tree.write_figures(figures)
    problems = problems_after(tree, answer="The norm is {ruling_salary_norm} this year, check it.")
    assert any("ruling_salary_norm has no verified value for 2026" in p for p in problems)


def test_broken_related_link(tree: Tree) -> None:
    problems = problems_after(tree, related=["no-such-entry"])
    assert any("related entry 'no-such-entry' does not exist" in p for p in problems)


def test_duplicate_ids(tree: Tree) -> None:
    tree.write_entry(entry_data(), name="copy-of-entry")
    assert any("duplicate id" in p for p in run_check(tree.options))


def test_answer_over_the_length_limit(tree: Tree) -> None:
    problems = problems_after(tree, answer="Register at the gemeente. " * 60)
    assert any("limit" in p for p in problems)


def test_fuzzy_translation(tree: Tree) -> None:
    data = entry_data()
    translations = good_translations(data)
    translations[f"entry:{data['id']}:answer"] = None
    tree.write_catalogs([data], translations)
    assert any("fuzzy" in p for p in run_check(tree.options))


def test_missing_translation(tree: Tree) -> None:
    data = entry_data()
    translations = good_translations(data)
    del translations[f"entry:{data['id']}:title"]
    tree.write_catalogs([data], translations)
    assert any("title: translation missing" in p for p in run_check(tree.options))


def test_translation_that_drops_a_placeholder(tree: Tree) -> None:
    data = entry_data()
    translations = good_translations(data)
    translations[f"entry:{data['id']}:answer"] = "Schrijf je binnen 5 dagen in."
    tree.write_catalogs([data], translations)
    assert any("placeholders" in p for p in run_check(tree.options))


def test_entry_without_enough_training_examples(tree: Tree) -> None:
    tree.write_nlu({"register-at-gemeente": 4})
    assert any("has 4 examples" in p for p in run_check(tree.options))


def test_a_valid_plan_step_passes(tree: Tree) -> None:
    tree.write_plan_step()
    assert run_check(tree.options) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"entries": ["no-such-entry"]}, "entry 'no-such-entry' does not exist"),
        ({"due": {"from": "arrival_date", "figure": "nope"}}, "unknown deadline figure"),
        ({"due": {"from": "arrival_date", "figure": "ind_hsm_30_plus"}}, "is not a period"),
        ({"why": "Within {no_such_figure} of arrival."}, "no_such_figure"),
        ({"who": "tourist"}, "steps.yml"),
    ],
)
def test_plan_step_defects(tree: Tree, changes: dict[str, Any], expected: str) -> None:
    tree.write_plan_step(**changes)
    problems = run_check(tree.options)
    assert any(expected in problem for problem in problems), problems
