"""The smallest JSON app of each framework as a newcomer makes it: commands, files, lines."""

# A newcomer starts in an empty directory holding the framework's lock as requirements.txt and
# types the commands of `commands(...)`; the files of `write_sources(...)` are typed in an editor.
# The last command is the server, gunicorn with one sync worker, started by _hello_serve.py.

import shutil
from dataclasses import dataclass
from pathlib import Path

from benchmarks.evidence.envs import REQUIREMENTS, UV
from benchmarks.evidence.experiments._probe_process import PROBES
from benchmarks.size.sloc import file_lines

SOURCES = PROBES / "hello"
LOCKS = {"flask": "flask-only", "django": "django-only"}
APPS = {
    "flask": "hello:app",
    "django": "mysite.wsgi",
    "django_single_file": "hello_django:application",
}
# The lines added to startproject's mysite/urls.py: the view's import and its route, each after
# an anchor line.
URL_LINES = (("from django.urls import path\n", "from . import views\n"),
             ("urlpatterns = [\n", '    path("", views.hello),\n'))  # fmt: skip
NOT_WRITTEN = {".venv", "requirements.txt", "__pycache__"}  # not typed in by the newcomer


@dataclass(frozen=True)
class Command:
    typed: str  # what the newcomer types
    argv: list[str]  # what is run here (the same command, its paths spelled out)


def commands(framework: str, home: Path) -> list[Command]:
    """Every command from an empty directory to a running server, in order (the server last)."""
    venv, bin_ = home / ".venv", home / ".venv" / "bin"
    found = [
        Command("uv venv", [str(UV), "venv", "--quiet", "--python", "python3", str(venv)]),
        Command("uv pip sync requirements.txt",
                [str(UV), "pip", "sync", "--quiet", "--python", str(bin_ / "python"),
                 str(home / "requirements.txt")]),
    ]  # fmt: skip
    if framework == "django":
        startproject = [str(bin_ / "django-admin"), "startproject", "mysite", str(home)]
        found.append(Command("django-admin startproject mysite .", startproject))
    found.append(Command(f"gunicorn {APPS[framework]}", [str(bin_ / "gunicorn"), APPS[framework]]))
    return found


def prepare(framework: str, home: Path) -> None:
    """The empty directory with the lock the newcomer was given."""
    home.mkdir(parents=True)
    shutil.copyfile(REQUIREMENTS / f"{LOCKS[framework]}.txt", home / "requirements.txt")


def add_route(urls: str) -> str:
    """startproject's urls.py with the view's import and route added."""
    for anchor, line in URL_LINES:
        if anchor not in urls:
            raise ValueError(f"startproject's urls.py has no line {anchor.strip()!r}")
        urls = urls.replace(anchor, anchor + line, 1)
    return urls


def write_sources(framework: str, home: Path) -> None:
    """The files the newcomer types (after any scaffolding command has run)."""
    if framework == "flask":
        shutil.copyfile(SOURCES / "hello.py", home / "hello.py")
    else:
        shutil.copyfile(SOURCES / "views.py", home / "mysite" / "views.py")
        urls = home / "mysite" / "urls.py"
        urls.write_text(add_route(urls.read_text()))


def project_files(home: Path) -> dict[str, str]:
    """The project's files by relative path (the environment and the lock left out)."""
    return {str(path.relative_to(home)): path.read_text() for path in sorted(home.rglob("*"))
            if path.is_file() and not NOT_WRITTEN & set(path.relative_to(home).parts)}  # fmt: skip


def source_lines(files: dict[str, str]) -> int:
    """Source lines of Python files (pygount: no blank lines, comments or docstrings)."""
    return sum(file_lines(name, text) for name, text in files.items() if name.endswith(".py"))


def physical_lines(files: dict[str, str]) -> int:
    return sum(len(text.splitlines()) for text in files.values())
