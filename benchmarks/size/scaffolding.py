"""What each framework's own scaffolding command creates, run in a temporary directory."""

import os
import re
import subprocess
import tempfile
from pathlib import Path

from benchmarks.size.sloc import file_lines
from launcher import ROOT

VENVS = ROOT / ".venv"
# A CLI command whose name is one of these is taken as a scaffolding command.
SCAFFOLD_NAMES = {"startproject", "startapp", "init", "new", "create", "scaffold"}


def created(directory: Path, before: set[Path]) -> dict:
    """Files under directory that were not in before: count, code lines, and all lines."""
    files = sorted(path for path in directory.rglob("*") if path.is_file() and path not in before)
    texts = {str(path.relative_to(directory)): path.read_text() for path in files}
    lines = {name: file_lines(name, text) for name, text in texts.items()}
    every_line = sum(len(text.splitlines()) for text in texts.values())
    return {"files": len(files), "lines": sum(lines.values()), "all_lines": every_line,
            "by_file": lines}  # fmt: skip


def django_scaffolding() -> dict:
    """`django-admin startproject mysite`, then `manage.py startapp polls` inside it."""
    admin, python = VENVS / "django" / "bin" / "django-admin", VENVS / "django" / "bin" / "python"
    with tempfile.TemporaryDirectory() as temporary:
        here = Path(temporary)
        subprocess.run([str(admin), "startproject", "mysite"], cwd=here, check=True)
        project = created(here, set())
        before = set(here.rglob("*"))
        subprocess.run(
            [str(python), "manage.py", "startapp", "polls"], cwd=here / "mysite", check=True
        )
        app = created(here, before)
    return {
        "commands": ["django-admin startproject mysite", "python manage.py startapp polls"],
        "startproject": project,
        "startapp": app,
    }


def flask_commands() -> list[str]:
    """The commands `flask --help` lists outside any application."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
    with tempfile.TemporaryDirectory() as temporary:
        result = subprocess.run(
            [str(VENVS / "flask" / "bin" / "flask"), "--help"],
            cwd=temporary, env=env, capture_output=True, text=True,
        )  # fmt: skip
    section = result.stdout.partition("Commands:")[2]
    return re.findall(r"^\s{2}(\S+)", section, re.MULTILINE)


def flask_scaffolding() -> dict:
    commands = flask_commands()
    scaffolds = sorted(SCAFFOLD_NAMES & set(commands))
    return {
        "cli_commands": commands,
        "scaffolding_commands": scaffolds,
        "files": 0 if not scaffolds else None,
    }


def scaffolding() -> dict:
    results = {}
    for name, measure in (("django", django_scaffolding), ("flask", flask_scaffolding)):
        try:
            results[name] = measure()
        except (OSError, subprocess.CalledProcessError) as error:
            results[name] = {"unavailable": str(error)}
    return results
