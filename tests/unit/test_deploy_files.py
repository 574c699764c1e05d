"""The deployment files (docker-compose.yml, deploy/kubernetes/, the Dockerfile) agree with the
code: every variable they set is one the product reads, Rasa gets every variable its endpoints
need, the api is told where everything is, and every Kubernetes Service finds pods listening on
its port. There is no Docker engine or cluster here; these are the mistakes that can be caught
without one (a misspelt variable silently falls back to a development default)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from api.core.config import Settings

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = ROOT / "deploy" / "kubernetes"
API_NEEDS = {"WELKOM_REDIS_URL", "WELKOM_RASA_URL", "WELKOM_RASA_TOKEN", "WELKOM_ACTION_SERVER_URL"}


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8")))


def manifests() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text(encoding="utf-8"))
    documents: list[dict[str, Any]] = []
    for resource in kustomization["resources"]:
        text = (KUBERNETES / resource).read_text(encoding="utf-8")
        documents += [doc for doc in yaml.safe_load_all(text) if doc]
    return documents


def rasa_endpoint_variables() -> set[str]:
    return set(re.findall(r"\$\{(\w+)\}", (ROOT / "bot" / "endpoints.yml").read_text()))


def known_variables() -> set[str]:
    """What the product reads: the api's settings, Rasa's endpoints, and the images' commands
    and health checks (the Rasa token, the health URL)."""
    settings = {f"WELKOM_{name.upper()}" for name in Settings.model_fields}
    images = set(re.findall(r"WELKOM_[A-Z_]+[A-Z]", (ROOT / "Dockerfile").read_text()))
    return settings | rasa_endpoint_variables() | images


def workloads() -> Iterator[dict[str, Any]]:
    yield from (doc for doc in manifests() if doc["kind"] in ("Deployment", "StatefulSet"))


def config_map() -> dict[str, str]:
    (found,) = [doc for doc in manifests() if doc["kind"] == "ConfigMap"]
    return dict(found["data"])


def container_env(workload: dict[str, Any]) -> set[str]:
    (container,) = workload["spec"]["template"]["spec"]["containers"]
    names = {item["name"] for item in container.get("env", [])}
    if any("configMapRef" in source for source in container.get("envFrom", [])):
        names |= set(config_map())
    return names


def test_every_variable_the_deploy_files_set_is_read_by_the_product() -> None:
    known = known_variables()
    assert "WELKOM_RASA_URL" in known and "WELKOM_REDIS_HOST" in known  # the sources are read
    set_by = {
        f"docker-compose.yml {name}": set(service.get("environment") or {})
        for name, service in compose()["services"].items()
    }
    set_by |= {f"kubernetes {doc['metadata']['name']}": container_env(doc) for doc in workloads()}
    unknown = {
        where: sorted(v for v in names if v.startswith("WELKOM_") and v not in known)
        for where, names in set_by.items()
    }
    assert not {where: names for where, names in unknown.items() if names}


def test_rasa_gets_every_variable_its_endpoints_need() -> None:
    needed = rasa_endpoint_variables()
    assert {"WELKOM_ACTION_ENDPOINT", "WELKOM_REDIS_HOST"} <= needed
    assert needed <= set(compose()["services"]["rasa"]["environment"])
    (rasa,) = [doc for doc in workloads() if doc["metadata"]["name"] == "rasa"]
    assert needed <= container_env(rasa)


@pytest.mark.parametrize("replica", ["api-1", "api-2"])
def test_compose_api_replicas_know_where_everything_is(replica: str) -> None:
    assert set(compose()["services"][replica]["environment"]) >= API_NEEDS


def test_kubernetes_api_knows_where_everything_is_and_runs_as_production() -> None:
    (api,) = [doc for doc in workloads() if doc["metadata"]["name"] == "api"]
    assert container_env(api) >= API_NEEDS
    assert config_map()["WELKOM_ENVIRONMENT"] == "production"


def test_kubernetes_services_reach_pods_listening_on_their_port() -> None:
    ports_by_labels = [
        (
            doc["spec"]["template"]["metadata"]["labels"],
            {
                port["containerPort"]
                for container in doc["spec"]["template"]["spec"]["containers"]
                for port in container.get("ports", [])
            },
        )
        for doc in workloads()
    ]
    services = [doc for doc in manifests() if doc["kind"] == "Service"]
    assert {s["metadata"]["name"] for s in services} >= {"api", "rasa", "actions", "redis"}
    for service in services:
        selector = service["spec"]["selector"]
        pods = [ports for labels, ports in ports_by_labels if selector.items() <= labels.items()]
        assert pods, f"service {service['metadata']['name']} selects no pods"
        for port in service["spec"]["ports"]:
            target = port.get("targetPort", port["port"])
            assert all(target in ports for ports in pods), (service["metadata"]["name"], target)
    # The ingress sends to a service port that exists.
    service_ports = {
        (s["metadata"]["name"], p["port"]) for s in services for p in s["spec"]["ports"]
    }
    for ingress in (doc for doc in manifests() if doc["kind"] == "Ingress"):
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert (backend["name"], backend["port"]["number"]) in service_ports


def test_compose_waits_only_for_services_that_report_their_health() -> None:
    """`condition: service_healthy` needs a health check: in the compose file, or in the
    Dockerfile stage the service is built from."""
    stages_with_check: set[str] = set()
    stage = ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if match := re.match(r"FROM \S+ AS (\S+)", line):
            stage = match.group(1)
        elif line.startswith("HEALTHCHECK"):
            stages_with_check.add(stage)
    services = compose()["services"]
    for name, service in services.items():
        for dependency, condition in (service.get("depends_on") or {}).items():
            if condition.get("condition") != "service_healthy":
                continue
            target = services[dependency]
            built_from = (target.get("build") or {}).get("target")
            assert "healthcheck" in target or built_from in stages_with_check, (name, dependency)
