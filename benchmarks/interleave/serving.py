"""Targets served at once under gunicorn on one core, started and stopped side by side."""

import json
import os
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from requests import RequestException

from benchmarks.load.plan import API_SCENARIOS, SIGNED_IN_SCENARIOS, Scale
from benchmarks.load.sessions import api_unavailable_reason, write_sessions
from benchmarks.load.snapshots import BENCH_VAR, targets_file
from benchmarks.measure import procstat
from benchmarks.targets import Target
from launcher import RunningTwin, free_port, serve

PRIVATE = BENCH_VAR / "run"  # cookies and tokens stay out of the results
WORKERS = 2  # as launcher.serve and the sequential headline runs: sync workers, 2 per core
SIGN_IN_ERRORS = (RuntimeError, OSError, ValueError, KeyError, RequestException)


@dataclass
class ServedTarget:
    """One target answering on url, or the reason it could not be started (error)."""

    name: str
    cpu: int | None = None  # the server CPU it is pinned to
    url: str | None = None
    master_pid: int | None = None
    startup_s: float | None = None
    error: str | None = None
    running: RunningTwin | None = field(default=None, repr=False)
    signed_in: dict[str, list] = field(default_factory=dict, repr=False)  # "html"/"api" -> pool

    def sessions(self, scenario: str, scale: Scale) -> dict:
        """The sessions the scenario's users need, signed in once per kind (raises if it cannot).

        They stay valid while the target runs on the same data, across scenarios.
        """
        api = scenario in API_SCENARIOS
        if api and (reason := api_unavailable_reason(self.url)):
            raise RuntimeError(reason)
        wanted = {"html": scenario in SIGNED_IN_SCENARIOS, "api": api}
        missing = [kind for kind, needed in wanted.items() if needed and kind not in self.signed_in]
        if missing:
            accounts = json.loads(targets_file(scale).read_text())["accounts"]
            path = PRIVATE / f"interleave-sessions-{self.name}-{os.getpid()}.json"
            try:
                html, api_needed = "html" in missing, "api" in missing
                write_sessions(path, self.url, accounts, html=html, api=api_needed)
                record = json.loads(path.read_text())
            finally:
                path.unlink(missing_ok=True)
            self.signed_in.update({kind: record[kind] for kind in missing})
        return {kind: self.signed_in[kind] if needed else [] for kind, needed in wanted.items()}


def pin(master_pid: int, cpu: int) -> None:
    """Pin gunicorn's master and its workers (every thread) to one CPU; new workers inherit it."""
    for pid in [master_pid, *procstat.children(master_pid)]:
        command = ["taskset", "--all-tasks", "--pid", "--cpu-list", str(cpu), str(pid)]
        subprocess.run(command, check=True, capture_output=True)


def start(target: Target, cpu: int, log_path: Path, served: ServedTarget) -> None:
    """Start on any CPU (imports go faster on all of them), pinned to cpu once it answers."""
    began = time.monotonic()
    try:
        served.running = serve(
            target, target.environment(), free_port(), workers=WORKERS, worker_class="sync",
            log_path=log_path,
        )  # fmt: skip
        pin(served.running.process.pid, cpu)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
        served.error = f"did not start: {str(error)[-500:]}"
        return
    served.startup_s = time.monotonic() - began
    served.url, served.master_pid = served.running.base_url, served.running.process.pid


def stop_all(served: list[ServedTarget]) -> None:
    """Ask every gunicorn to stop, then wait for each (in parallel, not one after another)."""
    running = [entry.running for entry in served if entry.running is not None]
    for twin in running:
        if twin.process.poll() is None:
            twin.process.terminate()
    for twin in running:
        twin.stop()


@contextmanager
def serving(targets: list[Target], cpu: int, log_dir: Path, label: str):
    """Every target served at once, pinned to the same CPU; yields a ServedTarget for each."""
    log_dir.mkdir(parents=True, exist_ok=True)
    PRIVATE.mkdir(parents=True, exist_ok=True)
    served = [ServedTarget(target.name, cpu) for target in targets]
    threads = [
        threading.Thread(
            target=start, args=(target, cpu, log_dir / f"{label}-{target.name}-gunicorn.log", entry)
        )
        for target, entry in zip(targets, served, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        yield served
    finally:
        stop_all(served)
