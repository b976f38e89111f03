"""What PyPI says about a twin's lock: each pinned release's age, and its known vulnerabilities
(pip-audit, with PyPI's vulnerability service)."""

import json
import re
import statistics
import subprocess
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

PYPI = "https://pypi.org/pypi"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(lock_text: str) -> dict[str, str]:
    """name -> pinned version of every `name==version` line of a lock."""
    return {name.lower(): version for name, version in PIN.findall(lock_text)}


def fetch_json(url: str, timeout: float = 20.0) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def release_files(name: str, version: str) -> tuple[list[dict], str]:
    """The files of one release and the endpoint they came from: the release's own JSON, or the
    project's (its `releases` table, the same upload times) when the first answers 404."""
    try:
        return fetch_json(f"{PYPI}/{name}/{version}/json")["urls"], "release"
    except urllib.error.HTTPError as error:
        if error.code != 404:
            raise
    return fetch_json(f"{PYPI}/{name}/json")["releases"].get(version, []), "project"


def released_at(files: list[dict]) -> datetime | None:
    """A release's date: its earliest file upload."""
    times = [
        datetime.fromisoformat(entry["upload_time_iso_8601"].replace("Z", "+00:00"))
        for entry in files
        if entry.get("upload_time_iso_8601")
    ]
    return min(times, default=None)


def age_summary(ages: dict[str, float]) -> dict:
    values = sorted(ages.values())
    return {"max": round(values[-1], 1), "median": round(statistics.median(values), 1),
            "oldest": max(ages, key=ages.get)}  # fmt: skip


def release_ages(releases: set[tuple[str, str]], now: datetime | None = None) -> dict:
    """Age in days of each (name, version) release on PyPI ("name==version" -> days), and which
    endpoints answered."""
    now = now or datetime.now(UTC)
    ages, endpoints, missing = {}, set(), []
    for name, version in sorted(releases):
        files, endpoint = release_files(name, version)
        endpoints.add(endpoint)
        when = released_at(files)
        if when is None:
            missing.append(f"{name}=={version}")
        else:
            ages[f"{name}=={version}"] = (now - when).total_seconds() / 86400
    return {"ages": ages, "endpoints": sorted(endpoints), "missing": missing}


def audit(pip_audit: Path, lock: Path, timeout: float = 300.0) -> dict:
    """pip-audit's JSON report of one lock (no resolution: the lock's pins as they are)."""
    command = [str(pip_audit), "--no-deps", "--disable-pip", "--progress-spinner", "off",
               "--format", "json", "-r", str(lock)]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if not result.stdout.strip():
        raise RuntimeError(f"pip-audit printed no report: {result.stderr.strip()[-400:]}")
    return json.loads(result.stdout)


def audit_counts(report: dict) -> dict:
    """Distributions audited and skipped, and the known vulnerabilities of the audited ones."""
    dependencies = report.get("dependencies", [])
    skipped = [entry for entry in dependencies if "skip_reason" in entry]
    audited = [entry for entry in dependencies if "skip_reason" not in entry]
    vulnerabilities = sorted(
        f"{entry['name']}=={entry['version']}: {vulnerability['id']}"
        for entry in audited for vulnerability in entry.get("vulns", [])
    )  # fmt: skip
    reasons = sorted({entry["skip_reason"].split(":")[0] for entry in skipped})
    return {"audited": len(audited), "skipped": len(skipped), "skip_reasons": reasons,
            "vulnerabilities": vulnerabilities}  # fmt: skip
