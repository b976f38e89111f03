"""Django's and Flask's distributions as installed: requirements, size, lines, what Django ships."""

# Environments (benchmarks/evidence/requirements/): django-only and flask-only (each framework with
# gunicorn, the server of the hello experiment), flask-parity (Flask and every extension the Flask
# twin lists). Figures about an install of the framework alone (freeze count, pip check, du, the
# Django facts) are taken in an environment synced from the framework's lock restricted to the
# framework's own requirement closure, so that the server is not counted with the framework.

import subprocess
from pathlib import Path

from benchmarks.evidence.envs import REQUIREMENTS, UV, fresh_env
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.experiments import _packages_metadata as meta
from benchmarks.evidence.experiments._probe_process import command_output, probe

NAME = "packages"
TITLE = "Django's and Flask's distributions: requirements, installed size, lines, what Django ships"
ESTIMATE_S = (15, 25)
FLASK_CORE = ["flask", "werkzeug", "jinja2", "markupsafe", "itsdangerous", "click", "blinker"]
RECORD = "by the byte sizes RECORD lists for each file (an entry without a size counts 0), MiB"
DU = ("MiB of site-packages by `du -s --block-size=1` (disk usage), with __pycache__ after every "
      "module of every installed distribution was imported once (probes/packages/import_all.py), "
      "in an environment holding only the framework's requirement closure")  # fmt: skip
ALONE = "in an environment synced from the framework's lock restricted to its requirement closure"
FIGURES = {
    **{
        f"{framework}_requires": f"entries of metadata.requires('{framework}') whose environment "
        "marker holds on this platform with no extra (packaging.markers), count"
        for framework in ("django", "flask")
    },
    **{
        f"{framework}_requires_raw": f"all entries of metadata.requires('{framework}'), count"
        for framework in ("django", "flask")
    },
    **{
        f"{framework}_requires_names": "canonical names of those that hold, sorted (list)"
        for framework in ("django", "flask")
    },
    **{
        f"{framework}_wheel_tag": f"the Tag of {framework}'s installed WHEEL file (string; tags "
        "joined by ', ' when there are several)"
        for framework in ("django", "flask")
    },
    "django_installed_mib": f"the Django distribution {RECORD}",
    "flask_core_installed_mib": f"flask, werkzeug, jinja2, markupsafe, itsdangerous, click and "
    f"blinker together {RECORD}",
    "flask_parity_installed_mib": f"every distribution installed in flask-parity {RECORD}",
    "django_env_du_mib": f"Django alone: {DU}",
    "flask_core_env_du_mib": f"Flask alone (its closure is the core stack): {DU}",
    "django_python_lines": "non-blank lines of the .py files RECORD lists for Django (count)",
    "django_python_files": ".py files RECORD lists for Django (count)",
    "flask_only_python_lines": "non-blank lines of the .py files of the flask distribution alone",
    "flask_core_python_lines": "non-blank .py lines of the seven core-stack distributions together",
    "flask_parity_python_lines": "non-blank .py lines of every distribution in flask-parity",
    "django_locale_dirs": "directories in the installed django/conf/locale (count)",
    "django_locale_dirs_with_messages": "of those, directories holding LC_MESSAGES (count)",
    "django_serializers": "sorted serializers.get_serializer_formats() with Django alone (list)",
    "django_serializers_pyyaml_installed": "PyYAML was importable when the formats were listed",
    "django_serializers_usable": "of those formats, the ones that serialize a saved User with "
    "Django alone, sorted (list; a format listed for a missing library fails)",
    "django_xml_roundtrip": "a saved User with a group (in-memory SQLite) serialized to XML and "
    "deserialized has every concrete field and its groups equal (bool)",
    "drf_importable_with_django": f"find_spec('rest_framework') is not None {ALONE} (bool)",
    "django_db_backends_shipped": "packages of django/db/backends whose base.py defines "
    "DatabaseWrapper, sorted (list)",
    "django_db_backends_importable": "those whose django.db.backends.<name>.base imports with "
    "Django alone, sorted (list)",
    "django_freeze_count": f"lines of `uv pip freeze` for Django {ALONE} (count)",
    "flask_freeze_count": f"lines of `uv pip freeze` for Flask {ALONE} (count)",
    "flask_parity_freeze_count": "lines of `uv pip freeze` in flask-parity (count)",
    "django_pip_check_ok": f"`uv pip check` exits 0 for Django {ALONE} (bool)",
    "flask_parity_pip_check_ok": "`uv pip check` exits 0 in flask-parity (bool)",
}


def alone_env(work: Path, lock_name: str, inventory: dict, root: str) -> Path:
    """A new environment of root's requirement closure, at the versions and hashes of its lock."""
    subset = work / f"{root}-alone.txt"
    names = meta.closure(inventory, root)
    subset.write_text(meta.lock_subset((REQUIREMENTS / f"{lock_name}.txt").read_text(), names))
    home = work / f"{root}-alone"
    command_output([str(UV), "venv", "--quiet", "--python", "python3", str(home)])
    python = home / "bin" / "python"
    command_output([str(UV), "pip", "sync", "--quiet", "--python", str(python), str(subset)])
    return python


def install_figures(python: Path, prefix: str) -> dict:
    """Freeze count and pip check of one environment."""
    freeze = command_output([str(UV), "pip", "freeze", "--python", str(python)])
    check = subprocess.run([str(UV), "pip", "check", "--python", str(python)],
                           capture_output=True, timeout=120)  # fmt: skip
    return {f"{prefix}_freeze_count": meta.freeze_count(freeze),
            f"{prefix}_pip_check_ok": check.returncode == 0}  # fmt: skip


def du_mib(python: Path, notes: list[str], label: str) -> float:
    """Disk usage of site-packages after every module was imported once."""
    imported = probe(python, "packages/import_all.py", timeout=300)
    first = ", ".join(imported["failed_modules"][:3]) or "none"
    notes.append(f"{label}: {imported['modules']} modules imported for du, "
                 f"{imported['failed']} failed (first: {first})")  # fmt: skip
    site = command_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    )
    return meta.mib(int(command_output(["du", "-s", "--block-size=1", site.strip()]).split()[0]))


def requirement_figures(framework: str, inventory: dict) -> dict:
    """What the framework's metadata says: its requirements and its wheel's tag."""
    requires = meta.by_name(inventory)[framework]["requires"]
    holding = [text for text in requires if meta.holds(text, inventory["markers"])]
    return {
        f"{framework}_requires": len(holding),
        f"{framework}_requires_raw": len(requires),
        f"{framework}_requires_names": meta.requirement_names(holding, inventory["markers"]),
        f"{framework}_wheel_tag": ", ".join(meta.by_name(inventory)[framework]["wheel_tags"]),
    }


def size_figures(django: dict, flask: dict, parity: dict) -> dict:
    everything = [item["name"] for item in parity["distributions"]]
    return {
        "django_installed_mib": meta.mib(meta.total(django, ["django"], "record_bytes")),
        "flask_core_installed_mib": meta.mib(meta.total(flask, FLASK_CORE, "record_bytes")),
        "flask_parity_installed_mib": meta.mib(meta.total(parity, everything, "record_bytes")),
        "django_python_lines": meta.total(django, ["django"], "python_lines"),
        "django_python_files": meta.total(django, ["django"], "python_files"),
        "flask_only_python_lines": meta.total(flask, ["flask"], "python_lines"),
        "flask_core_python_lines": meta.total(flask, FLASK_CORE, "python_lines"),
        "flask_parity_python_lines": meta.total(parity, everything, "python_lines"),
    }


def django_figures(python: Path) -> dict:
    facts = probe(python, "packages/django_facts.py", timeout=120)
    return {
        "django_locale_dirs": facts["locale_dirs"],
        "django_locale_dirs_with_messages": facts["locale_dirs_with_messages"],
        "django_serializers": facts["serializers"],
        "django_serializers_pyyaml_installed": facts["pyyaml_installed"],
        "django_serializers_usable": facts["serializers_usable"]["usable"],
        "django_xml_roundtrip": facts["xml_roundtrip"]["equal"],
        "drf_importable_with_django": facts["rest_framework_found"],
        "django_db_backends_shipped": facts["backends"]["shipped"],
        "django_db_backends_importable": facts["backends"]["importable"],
    }


def run(context: Context) -> Outcome:
    context.say("packages: inventories of django-only, flask-only and flask-parity")
    inventories = {name: probe(fresh_env(name), "packages/inventory.py")
                   for name in ("django-only", "flask-only", "flask-parity")}  # fmt: skip
    django, flask, parity = inventories.values()
    figures = {**requirement_figures("django", django), **requirement_figures("flask", flask),
               **size_figures(django, flask, parity)}  # fmt: skip
    notes = []
    context.say("packages: Django alone and Flask alone, from their locks")
    django_alone = alone_env(context.work, "django-only", django, "django")
    flask_alone = alone_env(context.work, "flask-only", flask, "flask")
    if meta.closure(flask, "flask") != sorted(FLASK_CORE):
        notes.append(f"Flask's closure is {meta.closure(flask, 'flask')}, not the core stack")
    figures.update(django_figures(django_alone))
    figures.update(install_figures(django_alone, "django"))
    figures.update(install_figures(fresh_env("flask-parity"), "flask_parity"))
    figures["flask_freeze_count"] = install_figures(flask_alone, "flask")["flask_freeze_count"]
    context.say("packages: every module imported once, then du")
    figures["django_env_du_mib"] = du_mib(django_alone, notes, "Django alone")
    figures["flask_core_env_du_mib"] = du_mib(flask_alone, notes, "Flask alone")
    versions = {
        item["name"]: item["version"]
        for inventory in inventories.values()
        for item in inventory["distributions"]
    }
    versions["python"] = django["python"]
    versions["uv"] = command_output([str(UV), "--version"]).split()[1]
    notes.append("pip check is `uv pip check` (no pip is installed in the environments)")
    return Outcome(figures=figures, versions=versions, notes=notes)
