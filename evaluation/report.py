"""The evaluation summary as the Markdown page shown in the docs."""

from __future__ import annotations

from typing import Any


def pct(value: Any) -> str:
    return f"{float(value) * 100:.1f}%"


def markdown_report(summary: dict[str, Any], mistakes: int = 40) -> str:
    latency = summary["latency_ms"]
    lines = [
        "# Understanding: held-out evaluation",
        "",
        "Produced by `make eval` (`python -m evaluation`): every held-out question in",
        "`evaluation/heldout/<lang>.yml` (never trained on) is sent to the real chat api in a new",
        "session without a locale.",
        "",
        f"{summary['cases']} questions, {summary['errors']} errors, concurrency "
        f"{summary.get('concurrency', 1)}, {summary.get('seconds', 0)} s "
        f"({summary.get('left_out_in_training', 0)} held-out questions left out because the "
        "training data also has them).",
        "",
        "| metric | value |",
        "|---|---:|",
        f"| topic accuracy (knowledge topics) | {pct(summary['topic_accuracy'])} |",
        f"| wrong-answer rate (a wrong topic) | {pct(summary['wrong_answer_rate'])} |",
        f"| out-of-scope not answered | {pct(summary['out_of_scope_not_answered'])} |",
        f"| language detection | {pct(summary['language_detection'])} |",
        f"| latency p50 / p95 | {latency['p50']} ms / {latency['p95']} ms |",
        "",
        "## Per language",
        "",
        "| language | cases | topic accuracy | entry accuracy | wrong answers | out-of-scope "
        "not answered | language detected |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for language, row in summary["per_language"].items():
        lines.append(
            f"| {language} | {row['cases']} | {pct(row['topic_accuracy'])} | "
            f"{pct(row['entry_accuracy'])} | {pct(row['wrong_answer_rate'])} | "
            f"{pct(row['out_of_scope_not_answered'])} | {pct(row['language_detection'])} |"
        )
    lines += ["", "## Per expected topic", "", "| topic | cases | accuracy |", "|---|---:|---:|"]
    for topic, row in summary["per_topic"].items():
        lines.append(f"| {topic} | {row['cases']} | {pct(row['accuracy'])} |")
    shown = summary.get("mistakes", [])[:mistakes]
    if shown:
        lines += [
            "",
            f"## First {len(shown)} mistakes",
            "",
            "| lang | question | expected | got | answer language |",
            "|---|---|---|---|---|",
        ]
        for m in shown:
            text = str(m["text"]).replace("|", "/")
            lines.append(
                f"| {m['language']} | {text} | {m['expected']} | {m['got']} | {m['locale']} |"
            )
    return "\n".join(lines) + "\n"
