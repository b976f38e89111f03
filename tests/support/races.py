"""Requests sent at one instant from threads, and what the twin stored for them afterwards."""

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from tests.support.database import DATA_MODEL, database_url_of

MAX_PARALLEL = 20
Result = TypeVar("Result")


def at_once(calls: list[Callable[[], Result]]) -> list[Result]:
    """Run the calls in threads of their own, released together by a barrier; their results in
    order. At most 20, to the loopback server only."""
    assert 0 < len(calls) <= MAX_PARALLEL, f"1 to {MAX_PARALLEL} calls, not {len(calls)}"
    barrier = threading.Barrier(len(calls))

    def released(call: Callable[[], Result]) -> Result:
        barrier.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(released, calls))


def column_of(twin, entity: str, field: str) -> str:
    mapped = DATA_MODEL[twin.name]["entities"][entity]["fields"][field]
    return mapped["column"] if isinstance(mapped, dict) else mapped


def read_column(twin, query: str, value: str) -> list[str]:
    """The first column of a read-only query with one `?` parameter, sorted."""
    url = database_url_of(twin)
    if urlsplit(url).scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            return sorted(row[0] for row in db.execute(query, [value]))
    import psycopg

    with psycopg.connect(url) as db:
        return sorted(row[0] for row in db.execute(query.replace("?", "%s"), [value]))


def stored_where_lower(twin, entity: str, field: str, value: str) -> list[str]:
    """The stored values of an entity's text field (`user` `username`, `tag` `name`, ...)
    equal to value in any case: what a unique rule on the lower-cased field allows once."""
    table = DATA_MODEL[twin.name]["entities"][entity]["table"]
    column = column_of(twin, entity, field)
    return read_column(
        twin, f'SELECT "{column}" FROM "{table}" WHERE lower("{column}") = lower(?)', value
    )


def stored_slugs_titled(twin, title: str) -> list[str]:
    """The slugs of the stored articles with this exact title."""
    table = DATA_MODEL[twin.name]["entities"]["article"]["table"]
    slug, title_column = column_of(twin, "article", "slug"), column_of(twin, "article", "title")
    return read_column(twin, f'SELECT "{slug}" FROM "{table}" WHERE "{title_column}" = ?', title)
