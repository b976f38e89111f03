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
from tests.support.factories import Account, register

TWIN_NAMES = ("django", "flask")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--base-url", help="run the behavioural tests against this running server")
    parser.addoption(
        "--twins", default=",".join(TWIN_NAMES), help="comma-separated twins to start (django,flask)"
    )


@dataclass(frozen=True)
class Server:
    """A server under test: a twin the suite started, or one given with --base-url."""

    name: str
    base_url: str


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "twin" in metafunc.fixturenames:
        config = metafunc.config
        names = ["external"] if config.getoption("base_url") else config.getoption("twins").split(",")
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
            extra_env={"TWINS_COUNT_QUERIES": "1"},
        ) as running:
            yield Server(name, running.base_url)
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
