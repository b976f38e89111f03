"""The measured window inside locust: warm up, reset the stats, snapshot CPU at both ends, stop."""

# Taking the snapshots here, at the moments the stats are reset and the users stopped, keeps the
# server's CPU and the request counts over the same interval. Settings come from the harness:
# BENCH_WARMUP and BENCH_WINDOW (seconds), BENCH_SERVER_PID (gunicorn's master; absent for a remote
# twin), BENCH_WINDOW_OUT (where the snapshots are written as JSON) and, on PostgreSQL,
# BENCH_DATABASE_RUN_URL: the server processes serving that database are snapshotted too, since
# their work is not in the workers' CPU (SQLite's is: it runs inside the worker).

import json
import os
import time
from pathlib import Path

import gevent
from locust import events
from locust.env import Environment
from locust.runners import MasterRunner, WorkerRunner

from benchmarks.load.scenarios import sequence
from benchmarks.measure import procstat

RESET_MESSAGE = "bench_reset"


def open_window(runner) -> None:
    """Users start their request sequences over (sequence.py) and the stats start from zero."""
    sequence.open_window()
    runner.stats.reset_all()


def database_backends(url: str) -> list[int] | None:
    """PostgreSQL processes serving the twin's database, or None when they are not on this host."""
    import psycopg

    query = (
        "SELECT pid FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    with psycopg.connect(url, autocommit=True) as connection:
        pids = [pid for (pid,) in connection.execute(query).fetchall()]
    return pids if all((procstat.PROC / str(pid)).exists() for pid in pids) else None


def snapshot() -> dict:
    server_pid = os.environ.get("BENCH_SERVER_PID")
    database_url = os.environ.get("BENCH_DATABASE_RUN_URL")
    backends = database_backends(database_url) if database_url else None
    return {
        "monotonic": time.monotonic(),
        "server": procstat.worker_snapshot(int(server_pid)) if server_pid else None,
        "generator": procstat.tree_snapshot(os.getpid()),
        "database": None if backends is None else {"cpu_ticks": procstat.cpu_ticks(backends)},
    }


def measure(environment: Environment) -> None:
    runner = environment.runner
    gevent.sleep(float(os.environ["BENCH_WARMUP"]))
    if isinstance(runner, MasterRunner):
        runner.send_message(RESET_MESSAGE)
    open_window(runner)
    start = snapshot()
    gevent.sleep(float(os.environ["BENCH_WINDOW"]))
    end = snapshot()
    runner.stop()
    record = {
        "start": start,
        "end": end,
        "ticks_per_second": procstat.ticks_per_second(),
        "generator_cpus": len(os.sched_getaffinity(0)),
        "users": environment.parsed_options.num_users if environment.parsed_options else None,
    }
    Path(os.environ["BENCH_WINDOW_OUT"]).write_text(json.dumps(record, indent=1))
    runner.quit()


def reset_worker_stats(environment: Environment, **_kwargs) -> None:
    """A --processes worker drops what it has not yet reported when the window opens."""
    open_window(environment.runner)


@events.init.add_listener
def on_init(environment: Environment, **_kwargs) -> None:
    if isinstance(environment.runner, WorkerRunner):
        environment.runner.register_message(RESET_MESSAGE, reset_worker_stats)


@events.test_start.add_listener
def on_test_start(environment: Environment, **_kwargs) -> None:
    if "BENCH_WINDOW_OUT" in os.environ and not isinstance(environment.runner, WorkerRunner):
        gevent.spawn(measure, environment)
