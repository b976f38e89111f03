"""Both twins' migrations build the same domain schema, and it is the one schema.md documents.

Runs on the database the pass uses: temporary SQLite files, or fresh PostgreSQL databases when
TEST_DATABASE_URL names a server. Needs no running server: it only migrates.
"""

import re

import pytest

from launcher import ROOT, TWINS, drop_postgres_database, fresh_database, provision, twin_env
from tests.support.catalog import read_catalog

SCHEMA_MD = ROOT / "shared_spec" / "schema.md"


def documented_tables() -> dict[str, dict[str, tuple[str, bool]]]:
    """Tables and columns in schema.md: `### table` headings, then `| column | type | null |`."""
    tables: dict[str, dict[str, tuple[str, bool]]] = {}
    current = None
    for line in SCHEMA_MD.read_text().splitlines():
        if line.startswith("## "):
            current = None
        elif heading := re.fullmatch(r"### (\w+)", line):
            current = tables.setdefault(heading.group(1), {})
        elif current is not None and (row := re.match(r"\| (\w+) \| ([^|]+) \| (yes|no) \|", line)):
            current[row.group(1)] = (row.group(2).strip(), row.group(3) == "yes")
    return tables


@pytest.fixture(scope="module")
def catalogs(database_server, tmp_path_factory) -> dict:
    """Each twin migrated into a fresh database of the pass's engine, read back."""
    read = {}
    for name, twin in TWINS.items():
        workdir = tmp_path_factory.mktemp(f"schema-{name}")
        url = fresh_database(database_server, workdir, f"twins_schema_{name}")
        try:
            provision(twin, twin_env(twin, url))
            read[name] = read_catalog(url)
        finally:
            if database_server:
                drop_postgres_database(url)
    read["engine"] = "postgresql" if database_server else "sqlite"
    return read


def test_twins_create_the_documented_domain_tables(catalogs):
    documented = set(documented_tables())
    assert set(catalogs["django"]) == documented
    assert set(catalogs["flask"]) == documented


@pytest.mark.parametrize("table", sorted(documented_tables()))
def test_columns_match_between_twins_and_schema_md(catalogs, table):
    django_columns = catalogs["django"][table].columns
    flask_columns = catalogs["flask"][table].columns
    assert django_columns == flask_columns
    documented = documented_tables()[table]
    assert set(django_columns) == set(documented)
    if catalogs["engine"] == "postgresql":
        assert django_columns == documented


@pytest.mark.parametrize("table", sorted(documented_tables()))
def test_keys_and_indexes_match_between_twins(catalogs, table):
    django_table, flask_table = catalogs["django"][table], catalogs["flask"][table]
    assert django_table.primary_key == flask_table.primary_key == {"id"}
    assert django_table.uniques == flask_table.uniques
    assert django_table.indexes == flask_table.indexes


@pytest.mark.parametrize("table", sorted(documented_tables()))
def test_foreign_keys_match_between_twins(catalogs, table):
    django_keys = catalogs["django"][table].foreign_keys
    assert django_keys == catalogs["flask"][table].foreign_keys
    assert all(rule == "NO ACTION" for *_, rule in django_keys)


def test_every_foreign_key_column_is_indexed(catalogs):
    for table in catalogs["django"].values():
        indexed = {column for columns in table.indexes | table.uniques for column in columns}
        for columns, *_ in table.foreign_keys:
            assert columns <= indexed


def test_schema_md_states_unique_columns(catalogs):
    """The single-column unique keys are the ones schema.md marks `unique`."""
    marked = {
        (table, column)
        for table, text in re.findall(
            r"### (\w+)\n(.*?)(?=\n### |\n## |\Z)", SCHEMA_MD.read_text(), re.S
        )
        for column in re.findall(r"^\| (\w+) \|[^\n]*\| unique", text, re.M)
    }
    found = {
        (name, next(iter(columns)))
        for name, table in catalogs["django"].items()
        for columns in table.uniques
        if len(columns) == 1
    }
    assert found == marked
