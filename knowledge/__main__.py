"""Knowledge commands: ``check`` (fails on any defect) and ``sync-bot``."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from knowledge import bot_sync
from knowledge.check import CheckOptions, run_check
from knowledge.knowledge_base import load_knowledge_base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="fail on stale, unsourced or untranslated knowledge")
    check.add_argument("--today", type=date.fromisoformat, default=date.today())
    commands.add_parser("sync-bot", help="regenerate the bot's knowledge intents and rules")
    args = parser.parse_args(argv)

    if args.command == "sync-bot":
        for path in bot_sync.write(load_knowledge_base()):
            print(f"wrote {path}")
        return 0
    problems = run_check(CheckOptions(today=args.today))
    for problem in problems:
        print(f"ERROR {problem}", file=sys.stderr)
    knowledge = load_knowledge_base() if not problems else None
    if knowledge is not None:
        entries, figures = len(knowledge.entries), len(knowledge.figures)
        print(f"knowledge check passed: {entries} entries, {figures} figures")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
