"""The shared suite's fixtures: each twin served by gunicorn on a fresh database, or any server.

pytest tests                                   # both twins, temporary SQLite databases
TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres pytest tests
pytest tests --base-url http://127.0.0.1:8000  # any running server (its data is left alone)
"""

import os
from dataclasses import dataclass

import pytest

from launcher import drop_postgres_database, fresh_database, running_twin
from tests.support.browser import Browser
from tests.support.factories import Account, add_comment, register, unique, write_article

TWIN_NAMES = ("django", "flask")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--base-url", help="run the behavioural tests against this running server")
    parser.addoption(
        "--twins",
        default=",".join(TWIN_NAMES),
        help="comma-separated twins to start (django,flask)",
    )


@dataclass(frozen=True)
class Server:
    """A server under test: a twin the suite started, or one given with --base-url."""

    name: str
    base_url: str
    secret_key: str | None = None  # the key the launcher gave the twin; None for --base-url
    database_url: str | None = None  # the database the suite made for it; None for --base-url


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "twin" in metafunc.fixturenames:
        config = metafunc.config
        names = (
            ["external"] if config.getoption("base_url") else config.getoption("twins").split(",")
        )
        metafunc.parametrize("twin", names, indirect=True, scope="session")


@pytest.fixture(scope="session")
def database_server() -> str | None:
    """A PostgreSQL server URL to create fresh databases on, or None for SQLite files."""
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def twin(request: pytest.FixtureRequest, database_server, tmp_path_factory) -> Server:
    base_url = request.config.getoption("base_url")
    if base_url:
        yield Server("external", base_url.rstrip("/"))
        return
    name = request.param
    workdir = tmp_path_factory.mktemp(f"{name}-server")
    database_url = fresh_database(database_server, workdir, f"twins_test_{name}")
    try:
        with running_twin(
            name,
            database_url=database_url,
            log_path=workdir / "gunicorn.log",
            # The suite signs in far more often from one address than anyone would: limits it never
            # reaches (tests/security/test_throttling.py runs its own twins with the defaults).
            extra_env={
                "TWINS_COUNT_QUERIES": "1",
                "SIGN_IN_RATE_PER_ADDRESS": "100000/minute",
                "SIGN_IN_RATE_PER_ACCOUNT": "100000/minute",
            },
        ) as running:
            yield Server(name, running.base_url, running.env["SECRET_KEY"], database_url)
    finally:
        if database_server:
            drop_postgres_database(database_url)


@pytest.fixture
def anon(twin: Server) -> Browser:
    """A visitor who is not signed in."""
    return Browser(twin.base_url)


@pytest.fixture
def account(twin: Server) -> Account:
    """A freshly registered user, signed in."""
    return register(twin.base_url)


@pytest.fixture
def other_account(twin: Server) -> Account:
    """A second registered user, signed in, for permission tests."""
    return register(twin.base_url)


@dataclass(frozen=True)
class Published:
    """An article with one comment, both by `author`, for tests that change nothing."""

    author: Account
    slug: str
    comment_id: str


@pytest.fixture(scope="session")
def published(twin: Server) -> Published:
    author = register(twin.base_url)
    slug = write_article(author.browser, tags=unique("t"))
    assert add_comment(author.browser, slug, "A comment to point at.").status == 302
    page = author.browser.get(f"/article/{slug}/")
    return Published(author, slug, page.one("comment")["data-comment-id"])


@pytest.fixture(scope="session")
def reader(twin: Server) -> Account:
    """A signed-in user who writes nothing, for tests that only read or are refused."""
    return register(twin.base_url)


@pytest.fixture(scope="session")
def writer(twin: Server) -> Account:
    """A signed-in user whose articles tests may share when they need an article, not an author."""
    return register(twin.base_url)
