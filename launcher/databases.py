"""Fresh databases for a twin: a new SQLite file, or a new database on a PostgreSQL server."""

import secrets
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def fresh_postgres_database(server_url: str, prefix: str) -> str:
    """Create an empty database on the server named by server_url and return its URL."""
    import psycopg

    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(server_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_postgres_database(database_url: str) -> None:
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_database(server_url: str | None, workdir: Path, prefix: str) -> str:
    """A fresh PostgreSQL database when server_url is given, else a new SQLite file in workdir."""
    if server_url:
        return fresh_postgres_database(server_url, prefix)
    return sqlite_url(workdir / f"{prefix}.sqlite3")
