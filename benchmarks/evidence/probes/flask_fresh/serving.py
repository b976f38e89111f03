"""Tools side of flask_fresh: the apps' environment variables, `flask` commands, `flask run`."""

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from launcher import free_port, stop_process

PROBES = Path(__file__).resolve().parent
START_TIMEOUT_S = 30


def app_environment(secret_key: str, database: Path, translations: Path) -> dict[str, str]:
    """This process's environment without Flask's or a virtualenv's settings, plus the apps'."""
    kept = ("FLASK_", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    env = {key: value for key, value in os.environ.items() if not key.startswith(kept)}
    return env | {
        "PYTHONDONTWRITEBYTECODE": "1",
        "PROBE_SECRET_KEY": secret_key,
        "PROBE_DATABASE_URL": f"sqlite:///{database}",
        "PROBE_TRANSLATIONS": str(translations),
    }


def flask_command(
    python: Path, arguments: list[str], env: dict, cwd: Path = PROBES, timeout: float = 60
) -> subprocess.CompletedProcess:
    """`flask ARGUMENTS` of that environment, run to its end; output and errors as text."""
    return subprocess.run(
        [str(python.parent / "flask"), *arguments],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


@dataclass
class Served:
    """One app served by `flask run`, and the file its output goes to."""

    url: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def served(python: Path, app: str, env: dict, log: Path, debug: bool = False) -> Iterator[Served]:
    """`flask --app APP [--debug] run --no-reload` on a free port of 127.0.0.1, stopped after."""
    port = free_port()
    command = [str(python.parent / "flask"), "--app", app, *(["--debug"] if debug else [])]
    command += ["run", "--host", "127.0.0.1", "--port", str(port), "--no-reload"]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=PROBES, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        server = Served(f"http://127.0.0.1:{port}", log)
        wait_until_serving(server, process)
        yield server
    finally:
        stop_process(process, timeout=5)


def wait_until_serving(server: Served, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"flask run exited with {process.returncode}: {server.output()}")
        try:
            requests.get(server.url + "/", timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise TimeoutError(f"flask run did not answer within {START_TIMEOUT_S} s: {server.output()}")
