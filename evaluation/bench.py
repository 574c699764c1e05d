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

from evaluation.cases import Case, load_cases
from runner.model_cache import ensure_model, training_record
from runner.processes import Child
from runner.stack import Stack, StackConfig

REPO = Path(__file__).resolve().parent.parent
MESSAGES_PER_CONVERSATION = 10
TARGETS = {"p95_ms_at_10": 150.0, "api_overhead": 1.15, "stack_memory_mb": 2048.0}


@dataclass(frozen=True)
class Run:
    target: str  # "api" or "rasa"
    concurrency: int
    latencies: list[float]  # seconds
    errors: int
    seconds: float

    @classmethod
    def joined(cls, runs: list[Run]) -> Run:
        """Several runs of one target at one level, as one."""
        return cls(
            runs[0].target,
            runs[0].concurrency,
            [latency for run in runs for latency in run.latencies],
            sum(run.errors for run in runs),
            sum(run.seconds for run in runs),
        )

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
    cases: list[Case],
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
        case = cases[index % len(cases)]
        index += 7
        started = time.perf_counter()
        try:
            if target == "api":
                body: dict[str, str] = {"text": case.text}
                if session_id:
                    body["session_id"] = session_id
                response = await client.post(f"{stack.config.api_url}/api/v1/chat", json=body)
                if response.status_code == 200:
                    session_id = response.json()["session_id"]
            else:
                response = await client.post(
                    f"{stack.config.rasa_url}/webhooks/rest/webhook",
                    params={"token": stack.config.rasa_token},
                    # What the api passes on: the message's language (which the api detects)
                    # and the site, so both targets do the same work in Rasa and the actions.
                    json={
                        "sender": sender,
                        "message": case.text,
                        "metadata": {"locale": case.language, "site": "demo"},
                    },
                )
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        latencies.append(time.perf_counter() - started)
        if not ok:
            errors[0] += 1


async def run_level(
    stack: Stack, target: str, concurrency: int, requests: int, cases: list[Case]
) -> Run:
    latencies: list[float] = []
    errors = [0]
    quota = [requests]
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _user(client, target, stack, cases, quota, latencies, errors, user)
                for user in range(concurrency)
            )
        )
        seconds = time.perf_counter() - started
    return Run(target, concurrency, latencies, errors[0], seconds)


def memory_mb(child: Child) -> dict[str, float]:
    """Memory of a process and all its descendants, from /proc: RSS summed per process, and PSS
    (each page shared between processes, such as the forked Rasa workers' common pages,
    divided among them, so the stack's pages are counted once)."""
    totals = {"rss": 0, "pss": 0}
    for pid in child.pids():
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in ("Rss", "Pss"):
                    totals[name.lower()] += int(value.split()[0])
        except (OSError, ValueError):
            continue
    return {kind: round(kb / 1024, 1) for kind, kb in totals.items()}


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
            f"| api overhead over direct Rasa, p50 at {users} user{'' if users == 1 else 's'} "
            f"| {ratio}x | <= {TARGETS['api_overhead']}x |"
            for users, ratio in overhead.items()
        ),
        f"| memory of the whole stack (PSS: shared pages counted once) | "
        f"{result['stack_pss_mb']} MB | <= {TARGETS['stack_memory_mb']:.0f} MB |",
        f"| the same, RSS summed per process (shared pages counted in each) | "
        f"{result['stack_rss_mb']} MB | <= {TARGETS['stack_memory_mb']:.0f} MB |",
        f"| cold start (processes started -> /ready) | {result['cold_start_s']} s | |",
        f"| last training of the current model | {result['training_s']} | |",
        "",
        "Rasa reuses the trained components whose inputs did not change, so the last training can"
        " be much shorter than one from nothing (4 min 48 s on 2026-11-23, README).",
        "",
        "Memory per process after the runs, PSS / RSS in MB (Rasa: the server and its"
        f" {result['rasa_workers']} forked worker(s), which share the pages loaded before the"
        " fork): "
        + ", ".join(
            f"{name} {mb['pss']} / {mb['rss']}"
            for name, mb in dict(result["memory_mb"]).items()  # type: ignore[call-overload]
        )
        + ".",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.bench")
    parser.add_argument("--levels", nargs="*", type=int, default=[1, 10, 50])
    parser.add_argument("--requests", type=int, default=400, help="requests per level and target")
    parser.add_argument("--rounds", type=int, default=4, help="turns each target takes per level")
    parser.add_argument("--json", default=str(REPO / "var" / "bench" / "results.json"))
    parser.add_argument("--markdown", default=str(REPO / "docs" / "benchmark.md"))
    args = parser.parse_args()
    model = ensure_model()
    # Questions in all ten languages, no requests for a person (they would wait for staff).
    cases = [case for case in load_cases() if case.topic != "human_handoff"][::4]
    config = StackConfig.on_free_ports(
        Path(tempfile.mkdtemp(prefix="welkom-bench-")),
        {"WELKOM_RATE_LIMIT_PER_IP": "0", "WELKOM_RATE_LIMIT_PER_SESSION": "0"},
    )
    stack = Stack.create(config)
    started = time.monotonic()
    stack.start(model)
    cold_start = round(time.monotonic() - started, 1)
    try:
        asyncio.run(run_level(stack, "api", 5, 50, cases))  # warm-up, not counted
        runs: list[Run] = []
        for level in args.levels:
            # Rasa and the api take turns, so that a slow spell of the machine hits both.
            parts: dict[str, list[Run]] = {"rasa": [], "api": []}
            for _ in range(args.rounds):
                for target, done in parts.items():
                    share = args.requests // args.rounds
                    done.append(asyncio.run(run_level(stack, target, level, share, cases)))
            for done in parts.values():
                run = Run.joined(done)
                runs.append(run)
                print(json.dumps(run.summary()), flush=True)
        memory = {name: memory_mb(child) for name, child in stack.children.items()}
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
        "rasa_workers": int(os.environ.get("WELKOM_RASA_WORKERS", "2")),
        "runs": summaries,
        "api_overhead": overhead,
        "p95_ms_at_10": by_key.get(("api", 10), {}).get("p95_ms"),
        "memory_mb": memory,
        "stack_pss_mb": round(sum(m["pss"] for m in memory.values()), 1),
        "stack_rss_mb": round(sum(m["rss"] for m in memory.values()), 1),
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
