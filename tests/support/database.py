"""Read back what a twin stored, for facts its pages and API cannot show (rows gone for good).

Only for a twin the suite started on a database it made (`Server.database_url`); a test against
a server given with --base-url skips these checks. Queries only read. A test names an entity of
`shared_spec/schema.md`; `shared_spec/data-model.yaml` says which table and key hold it in each
twin.
"""

import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from launcher import ROOT

DATA_MODEL = yaml.safe_load((ROOT / "shared_spec" / "data-model.yaml").read_text())


def database_url_of(twin) -> str:
    """The twin's database URL; skips the test for a server the suite did not start."""
    if twin.database_url is None:
        pytest.skip("the server's database is unknown (--base-url)")
    return twin.database_url


def stored_ids(twin, entity: str, ids: Iterable[int | str]) -> set[int]:
    """Which of these ids of an entity (`comment`, `article`, ...) the twin still stores."""
    wanted = sorted({int(value) for value in ids})
    assert wanted, "no ids to look for"
    url = database_url_of(twin)
    mapping = DATA_MODEL[twin.name]["entities"][entity]
    key = mapping["fields"]["id"]
    marks = ", ".join(["?"] * len(wanted))
    query = f'SELECT "{key}" FROM "{mapping["table"]}" WHERE "{key}" IN ({marks})'
    if urlsplit(url).scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            return {row[0] for row in db.execute(query, wanted)}
    import psycopg

    with psycopg.connect(url) as db:
        return {row[0] for row in db.execute(query.replace("?", "%s"), wanted)}
