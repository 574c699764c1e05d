"""``python -m evaluation``: run the held-out questions through the real chat api and report.

Starts its own stack (embedded Redis, actions, Rasa with the cached model, api) on free ports
unless ``--url`` points at a running api. Every question opens a new session without a locale,
so language detection is measured too. Writes JSON and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from evaluation.cases import Case, load_cases, normalized, training_overlap
from evaluation.metrics import Outcome, summarize
from evaluation.report import markdown_report
from knowledge.nlu_examples import NLU_DIR, examples_by_intent
from runner.model_cache import ensure_model
from runner.stack import Stack, StackConfig

REPO = Path(__file__).resolve().parent.parent


def ask(client: httpx.Client, case: Case) -> Outcome:
    started = time.perf_counter()
    response = client.post("/api/v1/chat", json={"text": case.text})
    seconds = time.perf_counter() - started
    body = response.json() if response.status_code == 200 else {}
    return Outcome(
        case=case,
        topic=body.get("topic"),
        entry=body.get("entry"),
        locale=str(body.get("locale", "")),
        seconds=seconds,
        status=response.status_code,
    )


def run_cases(base_url: str, cases: list[Case], concurrency: int) -> list[Outcome]:
    limits = httpx.Limits(max_connections=concurrency)
    with httpx.Client(base_url=base_url, timeout=60, limits=limits) as client:
        ask(client, cases[0])  # warm-up, not counted
        if concurrency == 1:
            return [ask(client, case) for case in cases]
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            return list(pool.map(lambda case: ask(client, case), cases))


def all_training_texts() -> set[str]:
    texts: list[str] = []
    for path in NLU_DIR.rglob("*.yml"):
        for examples in examples_by_intent(path).values():
            texts += examples
    return normalized(texts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation")
    parser.add_argument("--url", help="a running api; default: start a stack on free ports")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--model", type=Path, help="a trained model; default: the cached one")
    parser.add_argument("--languages", nargs="*", help="only these languages")
    parser.add_argument("--json", default=str(REPO / "var" / "eval" / "results.json"))
    parser.add_argument("--markdown", default=str(REPO / "docs" / "evaluation.md"))
    args = parser.parse_args(argv)

    cases = [c for c in load_cases() if not args.languages or c.language in args.languages]
    if not cases:
        print("no held-out cases found", file=sys.stderr)
        return 1
    # A held-out question that also occurs in the training data would measure memory, not
    # understanding: it is left out (and counted), e.g. "hello" written by both authors.
    leaked = training_overlap(cases, all_training_texts())
    for case in leaked:
        print(f"left out, also in the training data: {case.text!r}", file=sys.stderr)
    cases = [case for case in cases if case not in leaked]

    stack = None
    base_url = args.url
    if base_url is None:
        # One client sends every question: no per-address or per-conversation limits.
        config = StackConfig.on_free_ports(
            Path(tempfile.mkdtemp(prefix="welkom-eval-")),
            {"WELKOM_RATE_LIMIT_PER_IP": "0", "WELKOM_RATE_LIMIT_PER_SESSION": "0"},
        )
        stack = Stack.create(config)
        stack.start(args.model or ensure_model())
        base_url = config.api_url
    try:
        started = time.monotonic()
        outcomes = run_cases(base_url, cases, args.concurrency)
        elapsed = time.monotonic() - started
    finally:
        if stack is not None:
            stack.stop()

    summary = summarize(outcomes)
    summary["concurrency"] = args.concurrency
    summary["left_out_in_training"] = len(leaked)
    summary["seconds"] = round(elapsed, 1)
    summary["mistakes"] = [
        {
            "language": o.case.language,
            "text": o.case.text,
            "expected": o.case.topic,
            "got": o.topic,
            "entry": o.entry,
            "locale": o.locale,
        }
        for o in outcomes
        if not o.correct or not o.language_ok
    ]
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    Path(args.markdown).write_text(markdown_report(summary), encoding="utf-8")
    print(markdown_report(summary, mistakes=0))
    print(f"wrote {args.json} and {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
