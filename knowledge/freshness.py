"""The freshness report: which entries need a review soon, and which figures are missing for
the coming year (rules and amounts change every January)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from knowledge.knowledge_base import KnowledgeBase


@dataclass(frozen=True)
class EntryFreshness:
    entry_id: str
    topic: str
    verified: date
    review_by: date
    days_left: int

    @property
    def status(self) -> str:
        if self.days_left < 0:
            return "overdue"
        if self.days_left <= 60:
            return "due soon"
        return "ok"


@dataclass(frozen=True)
class FigureGap:
    key: str
    label: str
    year: int
    reason: str  # "missing" or the unverified note


@dataclass(frozen=True)
class FreshnessReport:
    today: date
    entries: list[EntryFreshness]
    figure_gaps: list[FigureGap]


def freshness_report(knowledge: KnowledgeBase, today: date) -> FreshnessReport:
    entries = sorted(
        (
            EntryFreshness(
                entry.id,
                entry.topic.value,
                entry.verified,
                entry.review_by,
                (entry.review_by - today).days,
            )
            for entry in knowledge
        ),
        key=lambda e: (e.review_by, e.entry_id),
    )
    gaps = []
    for year in (today.year, today.year + 1):
        for key, figure in sorted(knowledge.figures.items()):
            applicable = figure.applicable_year(year)
            if applicable is None:
                if not (figure.fixed and min(figure.values) > year):
                    gaps.append(FigureGap(key, figure.label, year, "missing"))
            elif figure.values[applicable].value is None:
                gaps.append(
                    FigureGap(key, figure.label, year, figure.values[applicable].unverified)
                )
    return FreshnessReport(today, entries, gaps)


def render_text(report: FreshnessReport, *, all_entries: bool = False) -> str:
    lines = [f"Knowledge freshness on {report.today.isoformat()}", "", "Entries by review date:"]
    shown = [e for e in report.entries if all_entries or e.status != "ok"]
    for item in shown:
        lines.append(
            f"  {item.review_by}  {item.status:<9} {item.days_left:>5} days  "
            f"{item.entry_id} ({item.topic}, verified {item.verified})"
        )
    hidden = len(report.entries) - len(shown)
    if hidden:
        lines.append(f"  ... and {hidden} entries with a review date more than 60 days ahead")
    lines += ["", "Figures without a verified value:"]
    for gap in report.figure_gaps:
        lines.append(f"  {gap.year}  {gap.key}: {gap.reason} ({gap.label})")
    if not report.figure_gaps:
        lines.append("  none")
    return "\n".join(lines)
