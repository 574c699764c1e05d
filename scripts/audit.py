"""Known vulnerabilities in the pinned dependencies (pip-audit over both lock files).

    .venv/bin/python scripts/audit.py            # CI: fails on a vulnerability in the api's pins
    .venv/bin/python scripts/audit.py --strict   # make audit: also fails when a pin went unchecked

pip-audit asks PyPI's JSON API (or OSV) about every pin. Where that service cannot be reached (a
mirror that serves only the package index, a closed network), pip-audit skips each pin and still
says "No known vulnerabilities found"; this script counts what was really checked and says
NOT AUDITED instead. The Rasa runtime's pins (requirements/rasa.lock) follow Rasa 3.6.21 and
cannot move on their own: their findings are reported, not failed on.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LOCKS = {"requirements/app.lock": True, "requirements/rasa.lock": False}  # path -> blocking


@dataclass(frozen=True)
class LockAudit:
    lock: str
    blocking: bool
    pins: int
    checked: int
    findings: list[dict[str, object]]
    error: str = ""

    def summary(self) -> str:
        if self.error:
            return f"{self.lock}: pip-audit failed: {self.error}"
        if self.checked == 0:
            return (
                f"{self.lock}: NOT AUDITED: 0 of {self.pins} pins could be checked "
                "(the vulnerability service did not answer)"
            )
        lines = [
            f"{self.lock}: {self.checked} of {self.pins} pins checked, "
            f"{len(self.findings)} known vulnerabilities"
            + ("" if self.blocking or not self.findings else " (reported, not failed on)")
        ]
        lines += [
            f"  {f['package']} {f['version']}: {f['id']} (fixed in {f['fix'] or 'no release'})"
            for f in self.findings
        ]
        return "\n".join(lines)


def audit(lock: str, blocking: bool) -> LockAudit:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        run = subprocess.run(
            [
                str(Path(sys.executable).parent / "pip-audit"),
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(report),
                "--requirement",
                str(REPO / lock),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=1200,
        )
        if not report.exists():
            return LockAudit(lock, blocking, 0, 0, [], error=run.stderr.strip()[-500:])
        data = json.loads(report.read_text(encoding="utf-8"))
    return from_report(lock, blocking, data)


def from_report(lock: str, blocking: bool, data: dict[str, Any]) -> LockAudit:
    """Pins checked and vulnerabilities found, from pip-audit's JSON report."""
    dependencies = data.get("dependencies", [])
    checked = [d for d in dependencies if "skip_reason" not in d]
    findings = [
        {
            "package": d["name"],
            "version": d.get("version", ""),
            "id": v["id"],
            "fix": ", ".join(v.get("fix_versions", [])),
        }
        for d in checked
        for v in d.get("vulns", [])
    ]
    return LockAudit(lock, blocking, len(dependencies), len(checked), findings)


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/audit.py")
    parser.add_argument("--strict", action="store_true", help="fail when a pin went unchecked")
    parser.add_argument("--json", default=str(REPO / "var" / "audit" / "results.json"))
    args = parser.parse_args()
    results = [audit(lock, blocking) for lock, blocking in LOCKS.items()]
    for result in results:
        print(result.summary())
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(
        json.dumps([result.__dict__ for result in results], indent=1), encoding="utf-8"
    )
    failed = any(r.error or (r.blocking and r.findings) for r in results)
    unchecked = any(r.checked < r.pins for r in results)
    return 1 if failed or (args.strict and unchecked) else 0


if __name__ == "__main__":
    sys.exit(main())
