"""Where each twin's code is, how its modules are named, and how a probe runs in its environment."""

import json
import subprocess
from pathlib import Path

from benchmarks.size.loc import APART, WINGS, layer_of, source_files
from launcher import ROOT, TWINS, sqlite_url, twin_env

PROBES = Path(__file__).resolve().parent
TWIN_NAMES = ("django", "flask")
# The directory each twin's modules are imported from (the Django twin's apps are top level).
IMPORT_ROOT = {"django": ROOT / "django_impl", "flask": ROOT}


def python_of(twin: str) -> Path:
    return TWINS[twin].bin / "python"


def code_files(twin: str) -> list[Path]:
    """The twin's Python files, tests and migrations left out (as the line counts do)."""
    wing = WINGS[twin]
    return [
        path
        for path in source_files(wing)
        if path.suffix == ".py" and layer_of(path.relative_to(wing)) not in APART
    ]


def module_name(twin: str, path: Path) -> str:
    parts = list(path.relative_to(IMPORT_ROOT[twin]).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def probe(twin: str, script: str, *args: str, work: Path, with_twin: bool = True,
          timeout: float = 300) -> dict:  # fmt: skip
    """The JSON a probe script prints when run with the twin's python; with_twin puts the twin on
    the path with production settings and a database of its own in work (never opened here)."""
    env = twin_env(TWINS[twin], sqlite_url(work / f"{twin}-probe.sqlite3"))
    if with_twin:
        env["PYTHONPATH"] = str(IMPORT_ROOT[twin])
        if twin == "django":
            env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [str(python_of(twin)), str(PROBES / script), *args],
        cwd=IMPORT_ROOT[twin], env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"{script} ({twin}) exited {result.returncode}: {result.stderr[-800:]}")
    return json.loads(result.stdout)


def uv_pip(twin: str, command: str) -> subprocess.CompletedProcess:
    """`uv pip freeze` or `uv pip check` on the twin's environment (the twins hold no pip)."""
    uv = ROOT / ".venv" / "uv" / "bin" / "uv"
    return subprocess.run(
        [str(uv), "pip", command, "--python", str(python_of(twin))],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def freeze(twin: str) -> list[str]:
    """The `name==version` lines of the twin's environment."""
    result = uv_pip(twin, "freeze")
    result.check_returncode()
    return [line for line in result.stdout.splitlines() if line.strip() and line[0] != "#"]
