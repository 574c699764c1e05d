"""``python -m evaluation.load`` (``make load``): 200 concurrent conversations for 5 minutes on
loopback, then checks that there was no error, that every conversation's messages were all
answered in the order sent, and that memory stayed flat. Stops by itself; writes JSON and
docs/load-test.md.

Each simulated user reads the answer for 1.5-3.5 s before the next question (about 80 messages
a second in all, near what two cores serve), and starts a new conversation after 20 questions,
so that 200 conversations are always open and none grows without end. "Flat" is judged on the
processes (api, action server, Rasa); Redis grows with the conversations it keeps (30 days) and
is reported apart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from evaluation.bench import memory_mb
from evaluation.cases import load_cases
from runner.model_cache import ensure_model
from runner.stack import Stack, StackConfig

REPO = Path(__file__).resolve().parent.parent
THINK_SECONDS = (1.5, 3.5)
MEMORY_EVERY_SECONDS = 10
MEMORY_GROWTH_LIMIT = 0.10  # "flat": at most 10% above the level after the first minute
MESSAGES_PER_CONVERSATION = 20
STORAGE = "redis"  # the stored conversations, not a process that could leak


@dataclass
class Conversation:
    sent: list[str] = field(default_factory=list)
    session_id: str | None = None
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


async def user(
    client: httpx.AsyncClient, texts: list[str], until: float, seed: int
) -> list[Conversation]:
    rng = random.Random(seed)  # noqa: S311 - simulated users, not secrets
    conversations = [Conversation()]
    await asyncio.sleep(rng.uniform(0, THINK_SECONDS[1]))  # do not all start at once
    while time.monotonic() < until:
        if len(conversations[-1].sent) >= MESSAGES_PER_CONVERSATION:
            conversations.append(Conversation())
        conversation = conversations[-1]
        text = f"{rng.choice(texts)} #{len(conversation.sent)}"
        body: dict[str, str] = {"text": text}
        if conversation.session_id:
            body["session_id"] = conversation.session_id
        started = time.perf_counter()
        try:
            response = await client.post("/api/v1/chat", json=body)
            if response.status_code != 200:
                conversation.errors.append(str(response.status_code))
            else:
                conversation.session_id = response.json()["session_id"]
                conversation.sent.append(text)
        except httpx.HTTPError as exc:
            conversation.errors.append(type(exc).__name__)
        conversation.latencies.append(time.perf_counter() - started)
        await asyncio.sleep(rng.uniform(*THINK_SECONDS))
    return conversations


async def watch_memory(stack: Stack, until: float, samples: list[dict[str, float]]) -> None:
    while time.monotonic() < until:
        samples.append({name: memory_mb(child)["rss"] for name, child in stack.children.items()})
        await asyncio.sleep(MEMORY_EVERY_SECONDS)


async def run(stack: Stack, users: int, seconds: int, texts: list[str]) -> dict[str, object]:
    until = time.monotonic() + seconds
    samples: list[dict[str, float]] = []
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=stack.config.api_url, timeout=60, limits=limits) as c:
        watcher = asyncio.create_task(watch_memory(stack, until, samples))
        per_user = await asyncio.gather(*(user(c, texts, until, n) for n in range(users)))
        conversations = [conversation for done in per_user for conversation in done]
        await watcher
        out_of_order = 0
        wrong: list[dict[str, int]] = []
        for conversation in conversations:
            if not conversation.session_id:
                continue
            turns = (await c.get(f"/api/v1/sessions/{conversation.session_id}")).json()["messages"]
            users_said = [t["text"] for t in turns if t["from"] == "user"]
            # Every message is followed by at least one answer (a plan question can be two).
            senders = "".join("u" if t["from"] == "user" else "b" for t in turns)
            answered = "uu" not in senders and senders.endswith("b")
            if users_said != conversation.sent or not answered:
                out_of_order += 1
                wrong.append({"sent": len(conversation.sent), "stored": len(users_said)})
    latencies = sorted(x for conv in conversations for x in conv.latencies)
    totals = [sum(mb for name, mb in sample.items() if name != STORAGE) for sample in samples]
    stored = [sample.get(STORAGE, 0.0) for sample in samples]
    settled = totals[min(len(totals) - 1, 60 // MEMORY_EVERY_SECONDS)]
    return {
        "users": users,
        "seconds": seconds,
        "conversations": len(conversations),
        "messages": sum(len(conv.sent) for conv in conversations),
        "errors": sum(len(conv.errors) for conv in conversations),
        "error_kinds": dict(Counter(e for conv in conversations for e in conv.errors)),
        "conversations_wrong": out_of_order,
        "wrong_examples": wrong[:5],
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
        "memory_mb_after_1_min": round(settled, 1),
        "memory_mb_at_end": round(totals[-1], 1),
        "memory_mb_max": round(max(totals), 1),
        "memory_flat": totals[-1] <= settled * (1 + MEMORY_GROWTH_LIMIT),
        "redis_mb_start_end": [round(stored[0], 1), round(stored[-1], 1)],
        "memory_samples": samples,
    }


def markdown(result: dict[str, object]) -> str:
    redis_mb = result["redis_mb_start_end"]
    assert isinstance(redis_mb, list)
    return "\n".join(
        [
            "# Load test",
            "",
            f"`make load` (`python -m evaluation.load`), {time.strftime('%Y-%m-%d')}, 2 cores,",
            "on loopback:",
            f"{result['users']} conversations at once for {result['seconds']} s, each user reading",
            f"for {THINK_SECONDS[0]}-{THINK_SECONDS[1]} s between questions and starting a new",
            f"conversation after {MESSAGES_PER_CONVERSATION} questions.",
            "",
            "| measure | value |",
            "|---|---:|",
            f"| conversations / messages answered | {result['conversations']} / "
            f"{result['messages']} |",
            f"| errors | {result['errors']}"
            + (f" {result['error_kinds']}" if result["error_kinds"] else "")
            + " |",
            f"| conversations with a lost or reordered message | {result['conversations_wrong']} |",
            f"| latency p50 / p95 | {result['p50_ms']} ms / {result['p95_ms']} ms |",
            f"| memory of the api, action server and Rasa (RSS) after 1 min / at the end / max | "
            f"{result['memory_mb_after_1_min']} / {result['memory_mb_at_end']} / "
            f"{result['memory_mb_max']} MB |",
            f"| memory flat (end within 10% of the 1-minute level) | {result['memory_flat']} |",
            f"| Redis (the stored conversations) at the start / end | "
            f"{redis_mb[0]} / {redis_mb[1]} MB |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.load")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--json", default=str(REPO / "var" / "load" / "results.json"))
    parser.add_argument("--markdown", default=str(REPO / "docs" / "load-test.md"))
    args = parser.parse_args()
    texts = [case.text for case in load_cases() if case.topic != "human_handoff"]
    config = StackConfig.on_free_ports(
        Path(tempfile.mkdtemp(prefix="welkom-load-")), {"WELKOM_RATE_LIMIT_PER_IP": "0"}
    )
    stack = Stack.create(config)
    stack.start(ensure_model())
    try:
        result = asyncio.run(run(stack, args.users, args.seconds, texts))
    finally:
        stack.stop()
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    Path(args.markdown).write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
