"""Read back what a twin stored, for facts its pages and API cannot show (rows gone for good).

Only for a twin the suite started on a database it made (`Server.database_url`); a test against
a server given with --base-url skips these checks. Queries only read; the tables are those of
`shared_spec/schema.md`, the same in both twins.
"""

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import pytest


def database_url_of(twin) -> str:
    """The twin's database URL; skips the test for a server the suite did not start."""
    if twin.database_url is None:
        pytest.skip("the server's database is unknown (--base-url)")
    return twin.database_url


def stored_ids(twin, table: str, ids: Iterable[int | str]) -> set[int]:
    """Which of these primary keys `table` still holds."""
    wanted = sorted({int(value) for value in ids})
    assert wanted, "no ids to look for"
    url = database_url_of(twin)
    marks = ", ".join(["?"] * len(wanted))
    query = f'SELECT id FROM "{table}" WHERE id IN ({marks})'
    if urlsplit(url).scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            return {row[0] for row in db.execute(query, wanted)}
    import psycopg

    with psycopg.connect(url) as db:
        return {row[0] for row in db.execute(query.replace("?", "%s"), wanted)}
