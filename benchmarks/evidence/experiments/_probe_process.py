"""Commands and probe scripts run with a throwaway environment's tools, as a fresh shell would."""

import json
import os
import subprocess
from pathlib import Path

PROBES = Path(__file__).resolve().parent.parent / "probes"
# Variables of this process that a newcomer's shell does not have: the tools environment's own, and
# PYTHONDONTWRITEBYTECODE, which would keep __pycache__ (and so import times) unlike an install's.
NOT_INHERITED = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE")


def clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(extra)
    return env


def command_output(command: list[str], cwd: Path | None = None, timeout: float = 300) -> str:
    """A command's standard output; its standard error is kept in the exception if it fails."""
    result = subprocess.run(
        command, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {result.returncode}: {result.stderr[-800:]}"
        )
    return result.stdout


def probe(python: Path, script: str, *args: str, cwd: Path | None = None, timeout: float = 300):
    """The JSON a probe script (a path under probes/) prints when run with that python."""
    return json.loads(
        command_output([str(python), str(PROBES / script), *args], cwd=cwd, timeout=timeout)
    )
