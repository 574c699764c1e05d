"""Child processes of the stack: started in their own process group, awaited over HTTP,
and all stopped together (Ctrl-C, an error, or the end of a test session)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx


class StartupError(RuntimeError):
    pass


@dataclass
class Child:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def pids(self) -> list[int]:
        """This process and all its descendants (such as Rasa's forked workers), from /proc."""
        found, pending = [], [self.process.pid]
        while pending:
            current = pending.pop()
            found.append(current)
            with contextlib.suppress(OSError, ValueError):
                children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
                pending += [int(child) for child in children]
        return found

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@dataclass
class Supervisor:
    log_dir: Path
    children: list[Child] = field(default_factory=list)

    def start(self, name: str, command: list[str], env: dict[str, str], cwd: Path) -> Child:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.log_dir / f"{name}.log"
        log: IO[bytes] = log_path.open("ab")
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        child = Child(name, process, log_path)
        self.children.append(child)
        return child

    def stop(self, child: Child, timeout: float = 10.0) -> None:
        if child.alive():
            _signal_group(child.process, signal.SIGTERM)
            try:
                child.process.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal_group(child.process, signal.SIGKILL)
                child.process.wait(timeout)
        if child in self.children:
            self.children.remove(child)

    def kill(self, child: Child) -> None:
        _signal_group(child.process, signal.SIGKILL)
        child.process.wait(timeout=10)

    def stop_all(self) -> None:
        for child in reversed(list(self.children)):
            self.stop(child)


def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)


def wait_until(
    child: Child,
    ready: Callable[[], bool],
    timeout: float,
    *,
    progress: Callable[[float], None] | None = None,
) -> None:
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    last_report = started
    while time.monotonic() < deadline:
        if not child.alive():
            raise StartupError(f"{child.name} exited early:\n{child.tail()}")
        if ready():
            return
        if progress and time.monotonic() - last_report >= 5:
            last_report = time.monotonic()
            progress(last_report - started)
        time.sleep(0.25)
    raise StartupError(f"{child.name} did not become ready in {timeout:.0f} s:\n{child.tail()}")


def http_ok(url: str, params: dict[str, str] | None = None) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return httpx.get(url, params=params, timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    return check


def port_open(port: int, host: str = "127.0.0.1") -> Callable[[], bool]:
    def check() -> bool:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            return sock.connect_ex((host, port)) == 0

    return check


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
