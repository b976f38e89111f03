"""The django_fresh experiment's scratch project: how it is run, and runserver serving it."""

import os
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from benchmarks.evidence.experiments._django_fresh_http import TIMEOUT
from launcher import free_port, stop_process


@dataclass
class Project:
    """The scratch project and the environment's python that runs it."""

    python: Path
    root: Path
    name: str = ""

    def environ(self, variant: str | None) -> dict[str, str]:
        skip = ("DJANGO_SETTINGS_MODULE", "PYTHONPATH", "PYTHONHOME")
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("VIRTUAL_ENV") and key not in skip
        }
        env["PYTHONUNBUFFERED"] = "1"
        if variant is not None:  # the probe settings; None keeps manage.py's generated default
            env.update(
                DJANGO_SETTINGS_MODULE="probe_settings",
                PROBE_PROJECT=self.name,
                PROBE_VARIANT=variant,
            )
        return env

    def run(self, *args: str, variant: str | None = "default", check: bool = True, **extra: str):
        env = {**self.environ(variant), **extra}
        result = subprocess.run(
            [str(self.python), *args], cwd=self.root, env=env, capture_output=True, text=True
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(args)} failed: {(result.stderr or result.stdout)[-2000:]}"
            )
        return result


def created_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@contextmanager
def runserver(project: Project, variant: str, log_dir: Path):
    """`manage.py runserver --noreload` on one settings variant, once it answers."""
    base = f"http://127.0.0.1:{free_port()}"
    with (log_dir / f"runserver-{variant}.log").open("wb") as log:
        process = subprocess.Popen(
            [
                str(project.python),
                "manage.py",
                "runserver",
                "--noreload",
                base.removeprefix("http://"),
            ],
            cwd=project.root,
            env=project.environ(variant),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + TIMEOUT
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"runserver ({variant}) did not answer; see {log.name}")
                try:
                    requests.get(f"{base}/form/", timeout=5)
                    break
                except requests.ConnectionError:
                    time.sleep(0.1)
            yield base
        finally:
            stop_process(process)
