"""``python -m evaluation.bench`` (``make bench``): latency and throughput of the chat api and of
the Rasa server directly, at several concurrency levels, with the memory of every process, the
training time and the cold-start time. Writes JSON and docs/benchmark.md.

Every virtual user sends held-out questions one after another (no think time), starting a new
conversation every ten messages: a worst case for the given number of users.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from evaluation.cases import load_cases
from runner.model_cache import ensure_model, training_record
from runner.stack import Stack, StackConfig

REPO = Path(__file__).resolve().parent.parent
MESSAGES_PER_CONVERSATION = 10
TARGETS = {"p95_ms_at_10": 150.0, "api_overhead": 1.15, "stack_rss_mb": 2048.0}


@dataclass(frozen=True)
class Run:
    target: str  # "api" or "rasa"
    concurrency: int
    latencies: list[float]  # seconds
    errors: int
    seconds: float

    def summary(self) -> dict[str, float | int | str]:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float:
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1)

        return {
            "target": self.target,
            "concurrency": self.concurrency,
            "requests": len(self.latencies),
            "errors": self.errors,
            "p50_ms": pct(0.50),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "mean_ms": round(statistics.fmean(ordered) * 1000, 1),
            "throughput_per_s": round(len(self.latencies) / self.seconds, 1),
        }


async def _user(
    client: httpx.AsyncClient,
    target: str,
    stack: Stack,
    texts: list[str],
    quota: list[int],
    latencies: list[float],
    errors: list[int],
    user: int,
) -> None:
    session_id: str | None = None
    sender = f"bench-{target}-{user}-{time.monotonic_ns()}"
    index = user
    sent = 0
    while quota[0] > 0:
        quota[0] -= 1
        if sent and sent % MESSAGES_PER_CONVERSATION == 0:
            session_id = None
            sender = f"bench-{target}-{user}-{time.monotonic_ns()}"
        sent += 1
        text = texts[index % len(texts)]
        index += 7
        started = time.perf_counter()
        try:
            if target == "api":
                body: dict[str, str] = {"text": text}
                if session_id:
                    body["session_id"] = session_id
                response = await client.post(f"{stack.config.api_url}/api/v1/chat", json=body)
                if response.status_code == 200:
                    session_id = response.json()["session_id"]
            else:
                response = await client.post(
                    f"{stack.config.rasa_url}/webhooks/rest/webhook",
                    params={"token": stack.config.rasa_token},
                    json={"sender": sender, "message": text, "metadata": {"locale": "en"}},
                )
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        latencies.append(time.perf_counter() - started)
        if not ok:
            errors[0] += 1


async def run_level(
    stack: Stack, target: str, concurrency: int, requests: int, texts: list[str]
) -> Run:
    latencies: list[float] = []
    errors = [0]
    quota = [requests]
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _user(client, target, stack, texts, quota, latencies, errors, user)
                for user in range(concurrency)
            )
        )
        seconds = time.perf_counter() - started
    return Run(target, concurrency, latencies, errors[0], seconds)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pending += [int(child) for child in children]
        except (OSError, StopIteration, ValueError):
            continue
    return round(total / 1024, 1)


def markdown(result: dict[str, object]) -> str:
    runs = result["runs"]
    assert isinstance(runs, list)
    lines = [
        "# Benchmark",
        "",
        "Produced by `make bench` (`python -m evaluation.bench`) on the 2-core development",
        f"machine, {result['date']}. Each virtual user sends held-out questions in ten languages",
        "back to back (no think time), ten per conversation. `rasa` is the Rasa server's REST",
        "webhook directly (NLU, rules, the action server, the Redis tracker and lock store); `api`",
        "is the public chat api in front of it (sessions, language, masking, transcript).",
        "",
        "| target | users | requests | errors | p50 ms | p95 ms | p99 ms | throughput /s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run['target']} | {run['concurrency']} | {run['requests']} | {run['errors']} | "
            f"{run['p50_ms']} | {run['p95_ms']} | {run['p99_ms']} | {run['throughput_per_s']} |"
        )
    overhead = result["api_overhead"]
    assert isinstance(overhead, dict)
    lines += [
        "",
        "| measure | value | target |",
        "|---|---:|---:|",
        f"| api p95 at 10 users | {result['p95_ms_at_10']} ms "
        f"| <= {TARGETS['p95_ms_at_10']:.0f} ms |",
        *(
            f"| api overhead over direct Rasa, p50 at {users} users | {ratio}x "
            f"| <= {TARGETS['api_overhead']}x |"
            for users, ratio in overhead.items()
        ),
        f"| memory of the whole stack (RSS) | {result['stack_rss_mb']} MB "
        f"| <= {TARGETS['stack_rss_mb']:.0f} MB |",
        f"| cold start (processes started -> /ready) | {result['cold_start_s']} s | |",
        f"| last training of the current model | {result['training_s']} | |",
        "",
        "Rasa reuses the trained components whose inputs did not change, so the last training can"
        " be much shorter than one from nothing (4 min 35 s, docs/nlu-pipeline.md).",
        "",
        "RSS per process (MB, after the runs): "
        + ", ".join(f"{name} {mb}" for name, mb in dict(result["rss_mb"]).items())  # type: ignore[call-overload]
        + ".",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.bench")
    parser.add_argument("--levels", nargs="*", type=int, default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=400, help="requests per level and target")
    parser.add_argument("--json", default=str(REPO / "var" / "bench" / "results.json"))
    parser.add_argument("--markdown", default=str(REPO / "docs" / "benchmark.md"))
    args = parser.parse_args()
    model = ensure_model()
    # Questions in all ten languages, no requests for a person (they would wait for staff).
    texts = [case.text for case in load_cases() if case.topic != "human_handoff"][::4]
    config = StackConfig.on_free_ports(
        Path(tempfile.mkdtemp(prefix="welkom-bench-")),
        {"WELKOM_RATE_LIMIT_PER_IP": "0", "WELKOM_RATE_LIMIT_PER_SESSION": "0"},
    )
    stack = Stack.create(config)
    started = time.monotonic()
    stack.start(model)
    cold_start = round(time.monotonic() - started, 1)
    try:
        asyncio.run(run_level(stack, "api", 5, 50, texts))  # warm-up, not counted
        runs: list[Run] = []
        for level in args.levels:
            for target in ("rasa", "api"):
                run = asyncio.run(run_level(stack, target, level, args.requests, texts))
                runs.append(run)
                print(json.dumps(run.summary()), flush=True)
        rss = {name: rss_mb(child.process.pid) for name, child in stack.children.items()}
    finally:
        stack.stop()
    summaries = [run.summary() for run in runs]
    by_key = {(s["target"], s["concurrency"]): s for s in summaries}
    overhead = {
        level: round(
            float(by_key[("api", level)]["p50_ms"]) / float(by_key[("rasa", level)]["p50_ms"]), 2
        )
        for level in args.levels
    }
    record = training_record(model)
    training = (
        f"{json.loads(record.read_text())['seconds']:.0f} s" if record.exists() else "not recorded"
    )
    result: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "runs": summaries,
        "api_overhead": overhead,
        "p95_ms_at_10": by_key.get(("api", 10), {}).get("p95_ms"),
        "rss_mb": rss,
        "stack_rss_mb": round(sum(rss.values()), 1),
        "cold_start_s": cold_start,
        "training_s": training,
        "targets": TARGETS,
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    Path(args.markdown).write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
