"""A hello app under gunicorn (one sync worker, 127.0.0.1): first JSON 200, warm requests, RSS."""

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

from benchmarks.evidence.experiments._probe_process import clean_env
from launcher import free_port, stop_process

FIRST_200_TIMEOUT_S = 60
POLL_S = 0.01
MIB = 2**20


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    started: float  # time.perf_counter() just before the process was started


def answered_json(response: requests.Response) -> bool:
    """A 200 whose body is JSON (an object) declared as such."""
    if response.status_code != 200:
        return False
    if not response.headers.get("Content-Type", "").startswith("application/json"):
        return False
    try:
        return isinstance(response.json(), dict)
    except ValueError:
        return False


@contextmanager
def served(gunicorn_argv: list[str], home: Path, log: Path) -> Iterator[Server]:
    """gunicorn started in the app's directory on a free port; stopped on leaving."""
    port = free_port()
    *command, app = gunicorn_argv
    # gunicorn's defaults (one sync worker), spelled out; its control socket, one path in the home
    # directory for every gunicorn of the machine, is left off so that servers never share it.
    argv = [*command, "--bind", f"127.0.0.1:{port}", "--workers", "1",
            "--worker-class", "sync", "--no-control-socket", app]  # fmt: skip
    with log.open("w") as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=home, env=clean_env(), stdout=output, stderr=output)
        try:
            yield Server(process, f"http://127.0.0.1:{port}/", started)
        finally:
            stop_process(process)


def wait_first_200(server: Server, log: Path) -> float:
    """The perf_counter time of the first JSON 200; raises if the server dies or is too slow."""
    deadline = time.perf_counter() + FIRST_200_TIMEOUT_S
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"gunicorn exited {server.process.returncode}: {log.read_text()[-800:]}"
            )
        try:
            response = requests.get(server.url, timeout=5)
        except requests.ConnectionError:
            time.sleep(POLL_S)
            continue
        if answered_json(response):
            return time.perf_counter()
        raise RuntimeError(f"{server.url} answered {response.status_code}: {response.text[:300]}")
    raise TimeoutError(f"no answer from {server.url} in {FIRST_200_TIMEOUT_S} s")


def warm_up(server: Server, requests_count: int) -> None:
    with requests.Session() as session:
        for _ in range(requests_count):
            if not answered_json(session.get(server.url, timeout=5)):
                raise RuntimeError(f"{server.url} stopped answering JSON 200 while warming up")


def worker_rss_mib(server: Server) -> float:
    """Resident memory of gunicorn's one worker (the master's child)."""
    workers = psutil.Process(server.process.pid).children()
    if len(workers) != 1:
        raise RuntimeError(f"gunicorn has {len(workers)} workers, not 1")
    return round(workers[0].memory_info().rss / MIB, 2)
