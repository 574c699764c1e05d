"""Schemathesis generates requests from the OpenAPI spec against the running api: no request,
however odd, may produce a server error. Also: /metrics for Prometheus."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from runner.stack import Stack
from tests.integration.conftest import ask

pytestmark = pytest.mark.stack
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


def test_no_server_errors_from_generated_requests(stack: Stack, tmp_path: Path) -> None:
    run = subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            f"{stack.config.api_url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "25",
            "--request-timeout",
            "20",
            "--seed",
            "20261123",
            "--suppress-health-check",
            "all",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    tested = re.search(r"Tested: (\d+)", run.stdout)
    assert tested is not None and int(tested.group(1)) >= 20, run.stdout[-3000:]


def test_prometheus_metrics(api: httpx.Client) -> None:
    ask(api, "How do I get a BSN?")
    ask(api, "I want to talk to a person")
    text = api.get("/metrics").text
    assert 'welkom_http_requests_total{method="POST",route="/api/v1/chat",status="200"}' in text
    assert "welkom_http_request_seconds_bucket" in text
    assert 'welkom_answers_total{kind="answered",locale="en"}' in text
    assert 'welkom_nlu_confidence_count{locale="en"}' in text
    assert 'welkom_escalations_total{locale="en",reason="handoff_requested",site="demo"}' in text
    # Routes are counted by template, never by the session id in the address.
    api.get("/api/v1/sessions/" + "a" * 24)
    assert 'route="/api/v1/sessions/{session_id}"' in api.get("/metrics").text
