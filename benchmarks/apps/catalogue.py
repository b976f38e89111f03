"""The small apps as Targets, grouped into comparisons, each with its requests and baseline."""

# Every function takes the DATABASE_URLs of the restored snapshots (the floor and the Django
# variants read the Django twin's, the ladder the Flask twin's) and returns a Comparison: its
# Targets in order, the requests to send to each, and the Target the others are compared with.
# Nothing here imports a framework, nor either measurement method.

import sqlite3
from dataclasses import dataclass
from urllib.parse import unquote

from benchmarks.targets import Target, twin_target
from launcher import ROOT

VENVS = ROOT / ".venv"
DJANGO_WORKDIR = ROOT / "django_impl"
VARIANTS = "benchmarks.apps.django_variants"
# Signed-out pages sign nothing, so the key only has to be one the twins accept with DEBUG off.
SECRET_KEY = "bench-apps-key-for-signed-out-pages-only"
LADDER_STEPS = (
    "flask",
    "flask-sqlalchemy",
    "flask-login",
    "flask-wtf-csrf",
    "flask-babel",
    "flask-admin",
)  # as benchmarks/apps/flask_ladder/__init__.py adds them (not imported: it needs Flask)


@dataclass(frozen=True)
class Request:
    """One request to measure; a 200 whose body contains marker is the only right answer."""

    label: str
    path: str
    marker: str
    method: str = "GET"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Targets measured on the same requests, each reported against the baseline Target."""

    name: str
    targets: tuple[Target, ...]
    requests: tuple[Request, ...]
    baseline: str

    def target(self, name: str) -> Target:
        return next(target for target in self.targets if target.name == name)


@dataclass(frozen=True)
class ReaderSample:
    """The names the reader pages are asked for: the newest article, its author, a busy tag."""

    slug: str
    username: str
    tag: str

    @classmethod
    def from_sqlite(cls, database_url: str) -> "ReaderSample":
        path = unquote(database_url.removeprefix("sqlite:///"))
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            slug, username = db.execute(
                "SELECT slug, username FROM blog_article"
                " JOIN accounts_user ON accounts_user.id = author_id"
                " ORDER BY created_at DESC, blog_article.id DESC LIMIT 1"
            ).fetchone()
            (tag,) = db.execute(
                "SELECT name FROM blog_tag JOIN blog_article_tags ON tag_id = blog_tag.id"
                " GROUP BY blog_tag.id ORDER BY COUNT(*) DESC, name LIMIT 1"
            ).fetchone()
        return cls(slug, username, tag)


HOME = Request("home", "/", 'data-testid="article-preview"')
HOME_PAGE_2 = Request("home, page 2", "/?page=2", 'data-testid="article-preview"')
API_ARTICLES = Request("api articles", "/api/articles", '"articlesCount"')
HELLO = Request("hello", "/", "Hello, World!")


def reader_requests(sample: ReaderSample) -> tuple[Request, ...]:
    """The pages the floor answers, signed out."""
    return (
        HOME,
        HOME_PAGE_2,
        Request("tag", f"/tag/{sample.tag}/", 'data-testid="tab-tag"'),
        Request("article", f"/article/{sample.slug}/", 'data-testid="article-body"'),
        Request("profile", f"/profile/{sample.username}/", 'data-testid="profile-username"'),
    )


def flask_ladder(flask_database_url: str) -> Comparison:
    """Flask, then each of the twin's extensions added in turn (PERF-4): one page, `/`."""
    targets = tuple(
        Target(
            f"ladder-{number}-{step}",
            VENVS / "bench-flask",
            ROOT,
            "benchmarks.apps.flask_ladder.wsgi:app",
            {
                "LADDER_STEPS": str(number),
                "DATABASE_URL": flask_database_url,
                "SECRET_KEY": SECRET_KEY,
            },
        )
        for number, step in enumerate(LADDER_STEPS, start=1)
    )
    return Comparison("flask-ladder", targets, (HOME,), targets[0].name)


def django_variant(name: str, venv: str, settings: str, database_url: str) -> Target:
    env = {
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET_KEY,
        "DEBUG": "0",
    }
    return Target(name, VENVS / venv, DJANGO_WORKDIR, "config.wsgi:application", env)


def django_middleware(django_database_url: str) -> Comparison:
    """The Django twin with no middleware, startproject's seven, and its own nine (PERF-5)."""
    targets = (
        django_variant(
            "django-mw-none", "django", f"{VARIANTS}.middleware_none", django_database_url
        ),
        django_variant(
            "django-mw-startproject",
            "django",
            f"{VARIANTS}.middleware_startproject",
            django_database_url,
        ),
        django_variant("django-mw-twin", "django", "config.settings", django_database_url),
    )
    return Comparison("django-middleware", targets, (HOME, API_ARTICLES), "django-mw-none")


def template_engines(django_database_url: str) -> Comparison:
    """The Django twin's home page by its own template engine and by Jinja2 (TMPL)."""
    targets = (
        django_variant("django-dtl", "bench-django", "config.settings", django_database_url),
        django_variant(
            "django-jinja2", "bench-django", f"{VARIANTS}.jinja2_settings", django_database_url
        ),
    )
    tag = ReaderSample.from_sqlite(django_database_url).tag
    requests = (HOME, HOME_PAGE_2, Request("tag", f"/tag/{tag}/", 'data-testid="tab-tag"'))
    return Comparison("template-engines", targets, requests, "django-dtl")


def hello_worlds() -> Comparison:
    """Each framework's hello-world beside a plain WSGI one, the same request to each."""
    targets = (
        Target("hello-wsgi", VENVS / "django", ROOT, "benchmarks.apps.floor.hello:application"),
        Target("hello-django", VENVS / "django", ROOT, "benchmarks.apps.hello.hello_django:app"),
        Target("hello-flask", VENVS / "flask", ROOT, "benchmarks.apps.hello.hello_flask:app"),
    )
    return Comparison("hello-worlds", targets, (HELLO,), "hello-wsgi")


def floors(django_database_url: str, flask_database_url: str) -> Comparison:
    """The raw WSGI floor and both twins on the reader pages: each twin's cost above it."""
    floor = Target(
        "floor",
        VENVS / "django",  # for markdown-it-py, the twins' Markdown renderer; no Django is imported
        ROOT,
        "benchmarks.apps.floor.wsgi:application",
        {"DATABASE_URL": django_database_url},
    )
    targets = (
        floor,
        twin_target("django", django_database_url, SECRET_KEY),
        twin_target("flask", flask_database_url, SECRET_KEY),
    )
    requests = reader_requests(ReaderSample.from_sqlite(django_database_url))
    return Comparison("floors", targets, requests, "floor")


def catalogue(django_database_url: str, flask_database_url: str) -> list[Comparison]:
    """Every comparison, on the two twins' restored snapshots (SQLite)."""
    return [
        flask_ladder(flask_database_url),
        django_middleware(django_database_url),
        template_engines(django_database_url),
        hello_worlds(),
        floors(django_database_url, flask_database_url),
    ]
