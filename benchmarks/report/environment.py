"""The environment block of a results record: machine, software, database engine, data scale."""

import importlib.metadata
import os
import platform
import subprocess
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from launcher import ROOT


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_gib() -> float | None:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


@cache
def git_state() -> dict:
    """The commit measured, and whether the work tree had changes (read-only git commands).

    Read once: `make bench` reads it when it starts, so the record names the code that ran even
    when a commit lands while it runs.
    """

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.strip()

    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain"))}


def environment(**details) -> dict:
    """Facts about this machine and run; details add engine, scales, CPU layout and so on."""
    return {
        "created_utc": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {
            "cpu_model": cpu_model(),
            "cores": os.cpu_count(),
            "cores_usable": len(os.sched_getaffinity(0)),
            "memory_gib": memory_gib(),
            "kernel": platform.release(),
        },
        "harness": {
            "python": platform.python_version(),
            "locust": importlib.metadata.version("locust"),
            "matplotlib": importlib.metadata.version("matplotlib"),
        },
        "git": git_state(),
        **details,
    }
