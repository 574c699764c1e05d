"""``python -m evaluation.long_conversation``: how the time per message grows with a
conversation's length.

One conversation of held-out English questions (no requests for a person, no arrival plan),
sent one after another to Rasa's REST webhook; the mean time per message is printed for every
block of 20 turns, and saved as JSON. Rasa reads, replays and writes the whole conversation for
each message, so the time grows with the number of turns (docs/nlu-pipeline.md, "Latency").
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from evaluation.cases import load_cases
from runner.model_cache import ensure_model
from runner.stack import Stack, StackConfig

REPO = Path(__file__).resolve().parent.parent
BLOCK = 20


def run(stack: Stack, turns: int) -> list[dict[str, float]]:
    texts = [
        case.text
        for case in load_cases()
        if case.language == "en" and case.topic not in ("human_handoff", "order_of_steps")
    ]
    sender = f"long-{time.monotonic_ns()}"
    blocks: list[dict[str, float]] = []
    latencies: list[float] = []
    with httpx.Client(timeout=120) as client:
        for turn in range(turns):
            started = time.perf_counter()
            response = client.post(
                f"{stack.config.rasa_url}/webhooks/rest/webhook",
                json={
                    "sender": sender,
                    "message": texts[turn % len(texts)],
                    "metadata": {"locale": "en", "site": "demo"},
                },
            )
            response.raise_for_status()
            latencies.append(time.perf_counter() - started)
            if len(latencies) == BLOCK:
                block = {"turns": turn + 1, "mean_ms": round(statistics.fmean(latencies) * 1000, 1)}
                print(json.dumps(block), flush=True)
                blocks.append(block)
                latencies = []
    return blocks


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.long_conversation")
    parser.add_argument("--turns", type=int, default=160)
    parser.add_argument("--json", default=str(REPO / "var" / "long-conversation" / "results.json"))
    args = parser.parse_args()
    config = StackConfig.on_free_ports(Path(tempfile.mkdtemp(prefix="welkom-long-")), {})
    stack = Stack.create(config)
    stack.start(ensure_model())
    try:
        blocks = run(stack, args.turns)
    finally:
        stack.stop()
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(
        json.dumps({"date": time.strftime("%Y-%m-%d"), "blocks": blocks}, indent=1),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
