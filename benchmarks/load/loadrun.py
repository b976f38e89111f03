"""One measured run: restore the data, start the twin on its cores, sign in, run locust."""

import json
import os
import subprocess
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.load.locust_csv import read_failures, read_stats
from benchmarks.load.plan import API_SCENARIOS, SIGNED_IN_SCENARIOS, RunSpec
from benchmarks.load.sessions import write_sessions
from benchmarks.load.snapshots import BENCH_VAR, SnapshotStore, targets_file
from benchmarks.report.analysis import run_figures
from launcher import ROOT, TWINS, free_port, serve, twin_env

LOCUST = ROOT / ".venv" / "tools" / "bin" / "locust"
SCENARIOS = Path(__file__).resolve().parent / "scenarios"
SESSIONS = BENCH_VAR / "run" / "sessions.json"  # cookies and tokens stay out of the results


@dataclass
class LoadContext:
    """What every run of one invocation shares."""

    store: SnapshotStore
    raw_dir: Path
    server_cpus: list[int]
    generator_cpus: list[int]
    processes: int
    hosts: dict[str, str]
    secret_key: str
    warmup_s: float
    window_s: float


def cpu_list(cpus: list[int]) -> str:
    return ",".join(str(cpu) for cpu in cpus)


@contextmanager
def served(spec: RunSpec, twin: str, context: LoadContext, log_path: Path):
    """(base URL, gunicorn master pid, seconds from process start to the first 200, DATABASE_URL).

    A twin given with --host runs elsewhere: its pid and start-up time are unavailable (None).
    """
    if twin in context.hosts:
        yield context.hosts[twin], None, None, None
        return
    database_url = context.store.restore(twin, spec.scale)
    env = twin_env(TWINS[twin], database_url, SECRET_KEY=context.secret_key, DEBUG="0")
    env.pop("TWINS_COUNT_QUERIES", None)
    cpus = cpu_list(context.server_cpus[: spec.server_cores])
    started = time.monotonic()
    try:
        running = serve(
            TWINS[twin], env, free_port(), workers=spec.workers, worker_class=spec.worker_class,
            threads=spec.threads, cpu=cpus, log_path=log_path,
        )  # fmt: skip
    except RuntimeError:
        context.store.discard(database_url)
        raise
    startup_s = time.monotonic() - started
    try:
        yield running.base_url, running.process.pid, startup_s, database_url
    finally:
        running.stop()
        context.store.discard(database_url)


def locust_command(spec: RunSpec, context: LoadContext, base_url: str, prefix: Path) -> list[str]:
    limit = int(context.warmup_s + context.window_s + 30)
    command = [
        "taskset", "--cpu-list", cpu_list(context.generator_cpus), str(LOCUST),
        "-f", str(SCENARIOS / f"{spec.scenario}.py"), "--headless",
        "--users", str(spec.users), "--spawn-rate", str(spec.users), "--run-time", f"{limit}s",
        "--host", base_url, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING",
        "--exit-code-on-error", "0", "--stop-timeout", "0",
    ]  # fmt: skip
    if context.processes > 1:
        command += ["--processes", str(context.processes)]
    return command


def locust_env(
    context: LoadContext, spec: RunSpec, pid: int | None, paths: dict, database_url: str | None
) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.update(
        BENCH_WARMUP=str(context.warmup_s),
        BENCH_WINDOW=str(context.window_s),
        BENCH_WINDOW_OUT=str(paths["window"]),
        BENCH_TARGETS=str(targets_file(spec.scale)),
        BENCH_SESSIONS=str(paths["sessions"]),
    )
    env.pop("BENCH_SERVER_PID", None)
    env.pop("BENCH_DATABASE_RUN_URL", None)
    if pid is not None:
        env["BENCH_SERVER_PID"] = str(pid)
    if database_url and database_url.startswith("postgresql"):
        env["BENCH_DATABASE_RUN_URL"] = database_url
    return env


def run_load(spec: RunSpec, twin: str, repeat: int, context: LoadContext) -> dict:
    """Measure one twin once under one spec; a failure to measure is recorded, not raised."""
    run_id = f"{spec.key}-{twin}-r{repeat}"
    prefix = context.raw_dir / run_id
    paths = {"window": Path(f"{prefix}-window.json"), "sessions": SESSIONS}
    record = {
        "id": run_id, "spec": spec.key, "scenario": spec.scenario, "twin": twin, "repeat": repeat,
        "config": {**asdict(spec), "scale": asdict(spec.scale)}, "remote": twin in context.hosts,
    }  # fmt: skip
    paths["window"].unlink(missing_ok=True)
    try:
        log = Path(f"{prefix}-gunicorn.log")
        with served(spec, twin, context, log) as (url, pid, startup_s, database_url):
            accounts = json.loads(targets_file(spec.scale).read_text())["accounts"]
            html, api = spec.scenario in SIGNED_IN_SCENARIOS, spec.scenario in API_SCENARIOS
            write_sessions(paths["sessions"], url, accounts, html=html, api=api)
            result = subprocess.run(
                locust_command(spec, context, url, prefix),
                env=locust_env(context, spec, pid, paths, database_url),
                capture_output=True,
                text=True,
                timeout=context.warmup_s + context.window_s + 120,
            )
            Path(f"{prefix}-locust.log").write_text(result.stdout + result.stderr)
    except (RuntimeError, OSError, ValueError, KeyError, subprocess.SubprocessError) as error:
        return {**record, "status": "error", "reason": str(error)[-2000:]}
    if not paths["window"].exists():
        tail = (result.stdout + result.stderr)[-2000:]
        return {**record, "status": "error", "reason": f"locust exited {result.returncode}: {tail}"}
    stats = read_stats(Path(f"{prefix}_stats.csv"))
    figures = run_figures(stats, json.loads(paths["window"].read_text()))
    figures["startup_s"] = startup_s
    failures = read_failures(Path(f"{prefix}_failures.csv"))
    return {**record, "status": "ok", "figures": figures, "endpoints": stats["endpoints"],
            "failures": failures}  # fmt: skip
