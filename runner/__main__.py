"""``python -m runner run`` starts everything and prints the demo URL; ``prepare`` only
compiles the catalogs and trains the model if its inputs changed."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from types import FrameType

from knowledge import bot_sync
from knowledge.knowledge_base import load_knowledge_base
from runner.catalogs import compile_catalogs
from runner.model_cache import ensure_model
from runner.processes import StartupError
from runner.stack import Stack, StackConfig


def prepare(force_train: bool = False) -> None:
    changed = bot_sync.write(load_knowledge_base())
    for path in changed:
        print(f"[knowledge] regenerated {path.name} from the knowledge entries", flush=True)
    compile_catalogs()
    ensure_model(force=force_train)


def run() -> int:
    started = time.monotonic()
    prepare()
    stack = Stack.create(StackConfig.from_env())

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # Handled explicitly: a process started in the background may inherit SIGINT as ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)
    try:
        stack.start(ensure_model())
        url = stack.config.api_url
        print(
            f"\nWelkom is running ({time.monotonic() - started:.0f} s).\n"
            f"  Demo page:  {url}/\n  Dutch demo: {url}/?lang=nl\n  Chat API:   {url}/api/v1/chat\n"
            f"  Staff:      {url}/staff (accounts: python -m api.staff create-account)\n"
            f"  Metrics:    {url}/metrics\n"
            f"  Logs:       {stack.config.var_dir / 'logs'}\nPress Ctrl-C to stop.",
            flush=True,
        )
        while True:
            failed = stack.failed_child()
            if failed is not None:
                print(f"[{failed.name}] stopped unexpectedly:\n{failed.tail()}", file=sys.stderr)
                return 1
            time.sleep(1)
    except StartupError as exc:
        print(f"startup failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nstopping ...", flush=True)
        return 0
    finally:
        stack.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runner")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start redis, actions, rasa and the api; print the demo URL")
    prep = commands.add_parser("prepare", help="compile catalogs and train the model if needed")
    prep.add_argument("--force-train", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args.force_train)
        return 0
    return run()


if __name__ == "__main__":
    sys.exit(main())
