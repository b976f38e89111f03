"""Server-sent event streams held by each twin on its long-lived deployment, opened in steps."""

# Django: uvicorn serving config/asgi.py, one process; each stream a coroutine of the async view.
# Flask: gunicorn's gthread worker, one worker with a thread for every stream of the largest step.
# Each twin on a fresh copy of the demo data, pinned to CPU 0; the client (asyncio sockets, and
# http.client for the timed requests) on CPU 1. At each step every stream is opened at once with
# ?seconds= long enough to outlast the step's readings, and the step waits for all to end.

import asyncio
import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import psutil

from benchmarks.evidence.envs import versions
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.probes.sse import client, readings
from launcher import SEED, TWINS, RunningTwin, free_port, provision, serve, sqlite_url, twin_env
from launcher.twins import launch

NAME = "sse"
TITLE = "Server-sent event streams each twin holds on its long-lived deployment, memory, latency"
ESTIMATE_S = (70, 340)
TWIN_NAMES = ("django", "flask")
STEPS = {True: (25, 50, 100), False: (50, 100, 200, 400, 800)}  # by quick
STREAM_SECONDS = {True: 8, False: 30}  # ?seconds= of every stream, by quick
READY_TIMEOUT_S = 10
TAGS_PATH = "/api/tags"
TAGS_REQUESTS = 50
TAGS_TIMEOUT_S = 5
SERVER_CPU, CLIENT_CPU = 0, 1
HOST = "127.0.0.1"
UVICORN = ("config.asgi:application", "--workers", "1", "--loop", "asyncio", "--http", "h11",
           "--no-access-log")  # fmt: skip
SPARE_THREADS = 16  # gthread threads beside one per stream, for the timed requests
DISTRIBUTIONS = {
    "django": ["django", "asgiref", "uvicorn", "h11"],
    "flask": ["flask", "werkzeug", "gunicorn", "flask-sqlalchemy", "sqlalchemy"],
}
TAGS = f"{TAGS_REQUESTS} sequential GET {TAGS_PATH}"
STEP_RECORD = (
    f"target (streams opened at once), held (ready event within {READY_TIMEOUT_S} s), open_s, "
    "rss_kib and server_threads (the server's, all processes, psutil), tags_ok, tags_failed, "
    f"tags_p50_ms, tags_p95_ms ({TAGS} while the streams were open)"
)
FIGURES = {
    **{
        figure.format(twin=twin): text.format(twin=twin.capitalize())
        for twin in TWIN_NAMES
        for figure, text in {
            "{twin}_streams_held_max": "largest step in which every stream read its ready event "
            f"within {READY_TIMEOUT_S} s (streams, 0 when none)",
            "{twin}_rss_per_stream_kib": "least-squares slope of the server's RSS over streams "
            "held, across the steps (KiB per stream)",
            "{twin}_tags_p95_ms_at_max": f"p95 of {TAGS} while the largest fully held step "
            "was open (ms)",
            "{twin}_idle_rss_kib": "the server's RSS with no stream open (KiB)",
            "{twin}_idle_threads": "the server's threads with no stream open (count)",
            "{twin}_threads_at_max": "the server's threads while the largest fully held step "
            "was open (count)",
            "{twin}_idle_tags_p95_ms": f"p95 of {TAGS} with no stream open (ms)",
            "{twin}_steps": f"one record per step (list): {STEP_RECORD}",
            "{twin}_server": "the {twin} twin's server and worker settings (string)",
        }.items()
    },
    "flask_threads": "gthread threads of the Flask twin's one worker (count)",
    "stream_seconds": "?seconds= of every stream opened (s)",
}


def flask_threads(quick: bool) -> int:
    return max(STEPS[quick]) + SPARE_THREADS


def serve_django(env: dict[str, str], port: int, log: Path) -> tuple[RunningTwin, str]:
    """uvicorn, one process, on the server CPU; the launcher's twin, environment and readiness."""
    twin = TWINS["django"]
    command = ["taskset", "--cpu-list", str(SERVER_CPU), str(twin.bin / "uvicorn"), *UVICORN,
               "--host", HOST, "--port", str(port)]  # fmt: skip
    running = launch(twin, command, env, f"http://{HOST}:{port}", log, log.open("ab"))
    return running, f"uvicorn {' '.join(UVICORN)}, pinned to CPU {SERVER_CPU}"


def serve_flask(env: dict[str, str], port: int, log: Path, threads: int) -> tuple[RunningTwin, str]:
    twin = TWINS["flask"]
    options = {"workers": 1, "worker_class": "gthread", "threads": threads}
    running = serve(twin, env, port, log_path=log, cpu=SERVER_CPU, **options)
    settings = " ".join(f"--{key.replace('_', '-')} {value}" for key, value in options.items())
    return running, f"gunicorn {twin.wsgi_app} {settings}, pinned to CPU {SERVER_CPU}"


@contextmanager
def deployment(name: str, context: Context):
    """The twin on a fresh copy of the demo data, served its long-lived way, stopped on exit."""
    twin = TWINS[name]
    env = twin_env(twin, sqlite_url(context.work / f"{name}.sqlite3"))
    provision(twin, env, SEED)
    log = context.work / f"{name}.log"
    if name == "django":
        running, settings = serve_django(env, free_port(), log)
    else:
        running, settings = serve_flask(env, free_port(), log, flask_threads(context.quick))
    try:
        yield running, settings
    finally:
        running.stop()
        raw = context.out / "raw" / NAME
        raw.mkdir(parents=True, exist_ok=True)
        shutil.copy(log, raw / log.name)


def server_reading(pid: int) -> tuple[int, int]:
    """RSS (KiB) and threads, summed over the server's processes."""
    server = psutil.Process(pid)
    processes = [server, *server.children(recursive=True)]
    rss = sum(process.memory_info().rss for process in processes) // 1024
    return rss, sum(process.num_threads() for process in processes)


def run_step(running: RunningTwin, count: int, seconds: int) -> readings.StepReading:
    """Open `count` streams at once; read the server's RSS and time /api/tags while they last."""
    port = int(running.base_url.rsplit(":", 1)[1])
    timed_until = time.monotonic() + seconds - 2  # the streams are still open until then

    def meanwhile():
        server = server_reading(running.process.pid)
        timed = client.timed_gets(HOST, port, TAGS_PATH, TAGS_REQUESTS, timed_until, TAGS_TIMEOUT_S)
        return server, timed

    path = f"/events/articles?seconds={seconds}"
    timeouts = (READY_TIMEOUT_S, seconds + READY_TIMEOUT_S)
    held = asyncio.run(client.hold_streams(HOST, port, path, count, timeouts, meanwhile))
    (rss, threads), (latencies, failed) = held.meanwhile
    return readings.StepReading(
        target=count,
        held=held.held,
        open_s=round(held.open_s, 3),
        rss_kib=rss,
        server_threads=threads,
        tags_ok=len(latencies),
        tags_failed=failed,
        tags_p50_ms=rounded(readings.percentile(latencies, 50)),
        tags_p95_ms=rounded(readings.percentile(latencies, 95)),
    )


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def twin_figures(name: str, idle, steps, settings: str) -> tuple[dict, list[str]]:
    """The figures of one twin from its idle reading and its steps, with notes on any left out."""
    figures = {
        f"{name}_steps": [asdict(step) for step in steps],
        f"{name}_server": settings,
        f"{name}_idle_rss_kib": idle.rss_kib,
        f"{name}_idle_threads": idle.server_threads,
    }
    notes = []
    if idle.tags_p95_ms is not None:
        figures[f"{name}_idle_tags_p95_ms"] = idle.tags_p95_ms
    top = readings.largest_fully_held(steps)
    figures[f"{name}_streams_held_max"] = top.target if top else 0
    if top is not None:
        figures[f"{name}_threads_at_max"] = top.server_threads
    if top is not None and top.tags_p95_ms is not None:
        figures[f"{name}_tags_p95_ms_at_max"] = top.tags_p95_ms
    else:
        notes.append(f"{name}_tags_p95_ms_at_max left out: no fully held step with timed requests")
    slope = readings.rss_slope_kib(steps)
    if slope is None:
        notes.append(f"{name}_rss_per_stream_kib left out: fewer than two different counts held")
    else:
        figures[f"{name}_rss_per_stream_kib"] = round(slope, 1)
    return figures, notes


def measure_twin(name: str, context: Context) -> tuple[dict, list[str]]:
    seconds = STREAM_SECONDS[context.quick]
    with deployment(name, context) as (running, settings), client.pinned(CLIENT_CPU):
        context.say(f"  {name}: {settings}; idle, then steps of {STEPS[context.quick]}")
        idle = run_step(running, 0, seconds)
        steps = []
        for count in STEPS[context.quick]:
            steps.append(run_step(running, count, seconds))
            context.say(f"    {count} streams: {steps[-1].held} held")
    return twin_figures(name, idle, steps, settings)


def python_version(python: Path) -> str:
    script = "import platform; print(platform.python_version())"
    return subprocess.run([str(python), "-c", script], check=True, capture_output=True,
                          text=True).stdout.strip()  # fmt: skip


def measured_versions() -> dict[str, str]:
    found = {}
    for name, distributions in DISTRIBUTIONS.items():
        python = TWINS[name].bin / "python"
        found |= versions(python, distributions)
        found[f"python ({name} twin)"] = python_version(python)
    taskset = subprocess.run(["taskset", "--version"], capture_output=True, text=True, check=True)
    return found | {"psutil": psutil.__version__, "taskset": taskset.stdout.strip()}


def run(context: Context) -> Outcome:
    if not {SERVER_CPU, CLIENT_CPU} <= os.sched_getaffinity(0):
        raise RuntimeError(f"needs CPUs {SERVER_CPU} and {CLIENT_CPU} (server and client)")
    client.raise_open_files(4 * max(STEPS[context.quick]) + 256)
    figures = {
        "stream_seconds": STREAM_SECONDS[context.quick],
        "flask_threads": flask_threads(context.quick),
    }
    notes = [
        "each twin on a fresh SQLite copy of the demo data (the launcher's provisioning), "
        f"served alone, pinned to CPU {SERVER_CPU}; the client on CPU {CLIENT_CPU}",
        f"a step opens all its streams at once with ?seconds={figures['stream_seconds']}; a "
        f"stream is held when its ready event arrives within {READY_TIMEOUT_S} s of its start",
        "RSS sums every process of the server (the gunicorn master and its worker; uvicorn's "
        "one process), read once all of a step's streams were ready or had failed",
        f"{TAGS_PATH}: a new connection per request, {TAGS_TIMEOUT_S} s timeout; latency "
        "includes the client's own time on its CPU",
    ]
    for name in TWIN_NAMES:
        twin_figures_found, twin_notes = measure_twin(name, context)
        figures |= twin_figures_found
        notes += twin_notes
    if context.quick:
        notes.append(f"quick: steps {STEPS[True]} only, shorter streams; not fit for verdicts")
    return Outcome(figures, measured_versions(), notes)
