"""Knowledge commands: check, sync-bot, freshness, translations (see --help)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from knowledge import bot_sync
from knowledge.check import CheckOptions, check_translations, run_check
from knowledge.coverage import coverage_markdown
from knowledge.freshness import freshness_report, render_text
from knowledge.knowledge_base import load_knowledge_base
from knowledge.languages import SOURCE_LOCALE, SUPPORTED_LOCALES
from knowledge.translations import Catalogs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="fail on stale, unsourced or untranslated knowledge")
    check.add_argument("--today", type=date.fromisoformat, default=date.today())
    commands.add_parser("sync-bot", help="regenerate the bot's knowledge intents and rules")
    fresh = commands.add_parser(
        "freshness", help="entries by review date, figures missing for this and the coming year"
    )
    fresh.add_argument("--today", type=date.fromisoformat, default=date.today())
    fresh.add_argument("--all", action="store_true", help="list every entry, not only due ones")
    coverage = commands.add_parser("coverage", help="write the coverage page of the docs")
    coverage.add_argument("--output", default="docs/knowledge.md")
    status = commands.add_parser(
        "translations", help="per-language translation problems (missing, fuzzy, placeholders)"
    )
    status.add_argument("locales", nargs="*", help="contract ids, e.g. nl tr; default: all")
    args = parser.parse_args(argv)

    if args.command == "sync-bot":
        for path in bot_sync.write(load_knowledge_base()):
            print(f"wrote {path}")
        return 0
    if args.command == "freshness":
        report = freshness_report(load_knowledge_base(), args.today)
        print(render_text(report, all_entries=args.all))
        return 0
    if args.command == "coverage":
        return write_coverage(args.output)
    if args.command == "translations":
        return translation_status(args.locales or None)
    problems = run_check(CheckOptions(today=args.today))
    for problem in problems:
        print(f"ERROR {problem}", file=sys.stderr)
    knowledge = load_knowledge_base() if not problems else None
    if knowledge is not None:
        entries, figures = len(knowledge.entries), len(knowledge.figures)
        print(f"knowledge check passed: {entries} entries, {figures} figures")
    return 1 if problems else 0


def write_coverage(output: str) -> int:
    from actions.server import build_answerer
    from knowledge.plan.deadlines import today_in_netherlands

    answerer = build_answerer()
    text = coverage_markdown(
        answerer.knowledge, answerer.renderer.catalogs, answerer.renderer, today_in_netherlands()
    )
    Path(output).write_text(text, encoding="utf-8")
    print(f"wrote {output}")
    return 0


def translation_status(locales: list[str] | None) -> int:
    knowledge = load_knowledge_base()
    catalogs = Catalogs.load()
    wanted = tuple(locales or (loc for loc in SUPPORTED_LOCALES if loc != SOURCE_LOCALE))
    failed = False
    for locale in wanted:
        options = CheckOptions(today=date.today(), required_translations=(locale,))
        problems = check_translations(knowledge, catalogs, options)
        print(f"{locale}: {len(problems)} problems")
        for problem in problems:
            print(f"  {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
