"""A minimal round-robin TCP load balancer: each new connection goes to the next upstream.

``python -m runner.round_robin --listen 8000 --upstream api-1:8000 --upstream api-2:8000``.
Enough to run several api replicas on one machine (docker-compose.yml) and to test that
interleaved requests of one conversation through different replicas lose and reorder nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import threading
from collections.abc import Iterator, Sequence


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


class RoundRobin:
    def __init__(self, upstreams: Sequence[tuple[str, int]]) -> None:
        self._next: Iterator[tuple[str, int]] = itertools.cycle(upstreams)
        self.served: dict[tuple[str, int], int] = dict.fromkeys(upstreams, 0)

    async def handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        host, port = next(self._next)
        self.served[(host, port)] += 1
        try:
            upstream_r, upstream_w = await asyncio.open_connection(host, port)
        except OSError:
            client_w.close()
            return
        await asyncio.gather(_pipe(client_r, upstream_w), _pipe(upstream_r, client_w))

    async def serve(self, host: str, port: int, started: threading.Event | None = None) -> None:
        server = await asyncio.start_server(self.handle, host, port)
        if started:
            started.set()
        async with server:
            await server.serve_forever()


def run_in_thread(balancer: RoundRobin, host: str, port: int) -> threading.Thread:
    """Serve in a daemon thread (for tests); returns once it listens."""
    started = threading.Event()
    thread = threading.Thread(
        target=lambda: asyncio.run(balancer.serve(host, port, started)), daemon=True
    )
    thread.start()
    started.wait(10)
    return thread


def _address(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    return host or "127.0.0.1", int(port)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m runner.round_robin")
    parser.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a container's front door
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", action="append", type=_address, required=True)
    args = parser.parse_args()
    asyncio.run(RoundRobin(args.upstream).serve(args.host, args.listen))


if __name__ == "__main__":
    main()
