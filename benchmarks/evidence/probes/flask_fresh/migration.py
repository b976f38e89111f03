"""Tools side of flask_fresh: add a field to the ORM app's model and apply it with Flask-Migrate."""

import shutil
import sqlite3
from pathlib import Path

from benchmarks.evidence.probes.flask_fresh.serving import PROBES, flask_command

PROJECT_FILES = ("app_bare.py", "app_orm.py", "app_migrate.py", "templates")
FIELD_PLACE = "    # Fields added later go here.\n"
NEW_FIELD = "    body: Mapped[str | None] = mapped_column(String(500))\n"
SET_UP = (["db", "init"],)  # once per project
BASELINE = (["db", "migrate", "-m", "baseline"], ["db", "upgrade"])  # the model as it was
ADD_FIELD = (["db", "migrate", "-m", "add body"], ["db", "upgrade"])


def columns(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(note)")]


def revisions(project: Path) -> int:
    return len(list((project / "migrations" / "versions").glob("*.py")))


def run(python: Path, env: dict, project: Path, steps) -> None:
    for arguments in steps:
        done = flask_command(python, ["--app", "app_migrate", *arguments], env, cwd=project)
        if done.returncode != 0:
            raise RuntimeError(f"flask {' '.join(arguments)}: {done.stdout}{done.stderr}")


def add_a_field(python: Path, env: dict, project: Path) -> dict:
    """A copy of the ORM app under Flask-Migrate: init, baseline, a new field; what it took."""
    project.mkdir(parents=True)
    for name in PROJECT_FILES:
        copy = shutil.copytree if (PROBES / name).is_dir() else shutil.copy
        copy(PROBES / name, project / name)
    database = project / "notes.sqlite3"
    env = env | {"PROBE_DATABASE_URL": f"sqlite:///{database}"}
    run(python, env, project, SET_UP + BASELINE)
    model = project / "app_orm.py"
    source = model.read_text()
    if FIELD_PLACE not in source:
        raise ValueError(f"app_orm.py has no line {FIELD_PLACE.strip()!r} to add a field at")
    model.write_text(source.replace(FIELD_PLACE, NEW_FIELD))
    before = revisions(project), "body" in columns(database)
    run(python, env, project, ADD_FIELD[:1])
    generated = revisions(project) == before[0] + 1 and "body" not in columns(database)
    run(python, env, project, ADD_FIELD[1:])
    applied = generated and "body" in columns(database) and not before[1]
    if not applied:
        return {"migration_field_applied": False}
    return {"migration_field_applied": True, "migration_commands": len(SET_UP) + len(ADD_FIELD)}
