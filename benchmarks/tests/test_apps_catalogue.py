"""The catalogue of small apps: names, baselines, environments the Makefile builds, app modules."""

import ast
import re
import sqlite3
from importlib.util import find_spec
from pathlib import Path

import jinja2
import pytest

from benchmarks.apps import catalogue as apps
from launcher import ROOT

MAKEFILE = (ROOT / "Makefile").read_text()
STARTPROJECT_MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]


@pytest.fixture(scope="module")
def comparisons(tmp_path_factory):
    path = tmp_path_factory.mktemp("catalogue") / "reader.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE accounts_user (id INTEGER PRIMARY KEY, username TEXT);"
            "CREATE TABLE blog_article (id INTEGER PRIMARY KEY, slug TEXT, created_at TEXT,"
            " author_id INTEGER);"
            "CREATE TABLE blog_tag (id INTEGER PRIMARY KEY, name TEXT);"
            "CREATE TABLE blog_article_tags (id INTEGER PRIMARY KEY, article_id, tag_id);"
            "INSERT INTO accounts_user VALUES (1, 'ada');"
            "INSERT INTO blog_article VALUES (1, 'first', '2026-01-01 00:00:00', 1);"
            "INSERT INTO blog_tag VALUES (1, 'sqlite');"
            "INSERT INTO blog_article_tags VALUES (1, 1, 1);"
        )
    url = f"sqlite:///{path}"
    return apps.catalogue(url, url)


def module_file(target) -> Path:
    """Where the Target's WSGI module lives: under its working directory or the repository."""
    module = target.wsgi_app.split(":")[0].replace(".", "/")
    for base in (target.workdir, ROOT):
        for candidate in (base / f"{module}.py", base / module / "__init__.py"):
            if candidate.exists():
                return candidate
    raise AssertionError(f"{target.name}: no module for {target.wsgi_app}")


def test_names_are_unique_and_every_baseline_is_one_of_its_targets(comparisons):
    assert [c.name for c in comparisons] == [
        "flask-ladder",
        "django-middleware",
        "template-engines",
        "hello-worlds",
        "floors",
    ]
    for comparison in comparisons:
        names = [target.name for target in comparison.targets]
        assert len(names) == len(set(names)), comparison.name
        assert comparison.target(comparison.baseline).name == comparison.baseline
        assert comparison.requests
        labels = [request.label for request in comparison.requests]
        assert len(labels) == len(set(labels))
        assert all(
            request.path.startswith("/") and request.marker for request in comparison.requests
        )


def test_every_environment_is_one_the_makefile_builds(comparisons):
    for comparison in comparisons:
        for target in comparison.targets:
            assert target.venv.parent == ROOT / ".venv"
            rule = f"$(VENV)/{target.venv.name}/.synced:"
            assert rule in MAKEFILE, f"{target.name}: no Makefile rule for {target.venv.name}"
    built = re.search(r"^BENCH_APP_VENVS := (.*)$", MAKEFILE, re.MULTILINE).group(1).split()
    assert built == ["$(VENV)/bench-flask/.synced", "$(VENV)/bench-django/.synced"]


def test_every_app_module_exists_and_names_its_callable(comparisons):
    for comparison in comparisons:
        for target in comparison.targets:
            tree = ast.parse(module_file(target).read_text())
            callable_name = target.wsgi_app.split(":")[1]
            assigned = {
                node.name if isinstance(node, ast.FunctionDef) else node.targets[0].id
                for node in tree.body
                if isinstance(node, ast.FunctionDef)
                or (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name))
            }
            assert callable_name in assigned, target.name


def test_django_variants_name_settings_modules_that_exist(comparisons):
    variants = {
        target.name: target.env["DJANGO_SETTINGS_MODULE"]
        for comparison in comparisons
        for target in comparison.targets
        if target.env.get("DJANGO_SETTINGS_MODULE", "").startswith("benchmarks.")
    }
    assert set(variants) == {"django-mw-none", "django-mw-startproject", "django-jinja2"}
    for name, settings in variants.items():
        assert find_spec(settings) is not None, f"{name}: {settings}"


def literal(module: str, name: str):
    tree = ast.parse(Path(find_spec(module).origin).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{module} assigns no {name}")


def test_middleware_variants_are_startproject_and_none():
    variants = "benchmarks.apps.django_variants"
    assert literal(f"{variants}.middleware_startproject", "MIDDLEWARE") == STARTPROJECT_MIDDLEWARE
    assert literal(f"{variants}.middleware_none", "MIDDLEWARE") == []


def test_ladder_targets_follow_the_factorys_steps_one_at_a_time(comparisons):
    ladder = comparisons[0]
    steps = literal("benchmarks.apps.flask_ladder", "STEPS")
    assert steps == apps.LADDER_STEPS
    assert [target.env["LADDER_STEPS"] for target in ladder.targets] == [
        str(number) for number in range(1, len(steps) + 1)
    ]
    assert {target.wsgi_app for target in ladder.targets} == {ladder.targets[0].wsgi_app}
    assert ladder.baseline == "ladder-1-flask"


def test_jinja2_templates_parse():
    folder = ROOT / "benchmarks" / "apps" / "django_variants" / "jinja2"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), extensions=["jinja2.ext.i18n"])
    env.filters["date"] = str  # Django's date filter, which jinja2_environment adds
    names = env.list_templates()
    assert sorted(names) == ["base.html", "blog/_article_list.html", "blog/home.html"]
    for name in names:
        env.get_template(name)
