"""How each twin is provisioned and served: the only place that knows the twins' commands.

The launcher starts twins as processes and talks to them over HTTP; it imports neither twin
nor either framework, so the shared suite and the benchmarks can use it from their own environment.
"""

import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from launcher.ports import LOOPBACK, bind_address, ensure_port_free, free_port, local_url

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
SEED = ROOT / "shared_spec" / "seed" / "seed.json"


@dataclass(frozen=True)
class Twin:
    """One twin: where it lives, its environment, and its provisioning commands."""

    name: str
    workdir: Path
    wsgi_app: str
    migrate: tuple[tuple[str, ...], ...]
    load_seed: tuple[str, ...]

    @property
    def bin(self) -> Path:
        return ROOT / ".venv" / self.name / "bin"

    def default_database_url(self) -> str:
        return f"sqlite:///{VAR / f'{self.name}.sqlite3'}"


TWINS = {
    "django": Twin(
        name="django",
        workdir=ROOT / "django_impl",
        wsgi_app="config.wsgi:application",
        migrate=(
            ("manage.py", "migrate", "--noinput", "--verbosity", "0"),
            ("manage.py", "collectstatic", "--noinput", "--verbosity", "0"),
        ),
        load_seed=("manage.py", "load_seed"),
    ),
    "flask": Twin(
        name="flask",
        workdir=ROOT,
        wsgi_app="flask_impl.wsgi:app",
        migrate=(("-m", "flask", "--app", "flask_impl", "db", "upgrade"),),
        load_seed=("-m", "flask", "--app", "flask_impl", "load-seed"),
    ),
}


@dataclass
class RunningTwin:
    """A twin answering HTTP on base_url, served by gunicorn."""

    twin: Twin
    base_url: str
    process: subprocess.Popen
    env: dict[str, str] = field(repr=False)
    log_path: Path | None = None

    @property
    def name(self) -> str:
        return self.twin.name

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process: subprocess.Popen, timeout: float = 15) -> None:
    """Terminate a server process and wait for it; kill it if it does not stop in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


def twin_env(twin: Twin, database_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment a twin runs in: production settings unless told otherwise."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("VIRTUAL_ENV")}
    env.update(
        DATABASE_URL=database_url or os.environ.get("DATABASE_URL") or twin.default_database_url(),
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        DEBUG=os.environ.get("DEBUG", "0"),
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run_command(twin: Twin, args: tuple[str, ...], env: dict[str, str]) -> None:
    """Run one of the twin's own management commands with the twin's Python."""
    command = [str(twin.bin / "python"), *args]
    result = subprocess.run(command, cwd=twin.workdir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"{twin.name}: {' '.join(args)} failed ({result.returncode})\n"
            f"{result.stdout}\n{result.stderr}"
        )
    if result.stdout.strip():
        print(f"[{twin.name}] {result.stdout.strip()}", file=sys.stderr)


def provision(twin: Twin, env: dict[str, str], seed: Path | None = None) -> None:
    """Migrate the database (and collect static files), then load seed data if given."""
    VAR.mkdir(exist_ok=True)
    for args in twin.migrate:
        run_command(twin, args, env)
    if seed is not None:
        run_command(twin, (*twin.load_seed, str(Path(seed).resolve())), env)


def probe_host(env: dict[str, str]) -> str | None:
    """The Host header to probe with: the first name ALLOWED_HOSTS lets in (None: the default)."""
    first = (env.get("ALLOWED_HOSTS") or "").split(",")[0].strip().lstrip(".")
    return None if first in ("", "*") else first


def probe_headers(env: dict[str, str]) -> dict[str, str]:
    """The readiness probe's headers: the Host ALLOWED_HOSTS lets in and, under the production
    profile (which redirects plain HTTP), the proxy's word that the request came over HTTPS."""
    headers = {"Host": host} if (host := probe_host(env)) else {}
    if env.get("TWINS_PROFILE") == "production":
        headers["X-Forwarded-Proto"] = "https"
    return headers


def wait_until_ready(
    base_url: str,
    process: subprocess.Popen,
    timeout: float = 60.0,
    host: str | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    headers = {**({"Host": host} if host else {}), **(headers or {})}
    request = urllib.request.Request(base_url + "/", headers=headers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"{base_url} did not answer 200 within {timeout:.0f} s")


def serve(
    twin: Twin,
    env: dict[str, str],
    port: int,
    *,
    host: str = LOOPBACK,
    workers: int = 2,
    worker_class: str = "sync",
    threads: int = 1,
    log_path: Path | None = None,
    cpu: int | None = None,
    foreground: bool = False,
) -> RunningTwin:
    """Start gunicorn for the twin on host:port and wait until it answers 200 on /.

    Refuses with PortInUse before starting when something already listens there: otherwise the
    readiness probe would take that other server's answer for the twin's.
    """
    ensure_port_free(host, port)
    command = [
        str(twin.bin / "gunicorn"),
        "--bind", bind_address(host, port),
        "--workers", str(workers),
        "--worker-class", worker_class,
        "--threads", str(threads),
        "--timeout", "60",
        "--graceful-timeout", "5",
        "--no-control-socket",
        twin.wsgi_app,
    ]  # fmt: skip
    if cpu is not None:
        command = ["taskset", "--cpu-list", str(cpu), *command]
    output = None if foreground or log_path is None else log_path.open("ab")
    return launch(twin, command, env, local_url(host, port), log_path, output)


def launch(
    twin: Twin,
    command: list[str],
    env: dict[str, str],
    base_url: str,
    log_path: Path | None = None,
    output=None,
) -> RunningTwin:
    """Start a server command in the twin's directory; return it once base_url answers 200."""
    process = subprocess.Popen(
        command, cwd=twin.workdir, env=env, stdout=output, stderr=subprocess.STDOUT
    )
    running = RunningTwin(twin, base_url, process, env, log_path)
    try:
        wait_until_ready(running.base_url, process, headers=probe_headers(env))
    except BaseException:  # not ready, or interrupted while waiting: never leave it running
        running.stop()
        raise
    return running


@contextmanager
def running_twin(
    name: str,
    *,
    database_url: str | None = None,
    seed: Path | None = None,
    port: int | None = None,
    log_path: Path | None = None,
    extra_env: dict[str, str] | None = None,
    **serve_options,
):
    """Provision a twin's database, serve it under gunicorn, and stop it on exit."""
    twin = TWINS[name]
    env = twin_env(twin, database_url, **(extra_env or {}))
    provision(twin, env, seed)
    running = serve(twin, env, port or free_port(), log_path=log_path, **serve_options)
    try:
        yield running
    finally:
        running.stop()
