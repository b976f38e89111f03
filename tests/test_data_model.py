"""Each twin's migrations store the data model of schema.md, mapped by data-model.yaml.

Runs on the database the pass uses: temporary SQLite files, or fresh PostgreSQL databases when
TEST_DATABASE_URL names a server. Needs no running server: it migrates, reads the catalogue and
tries a few statements.
"""

import re
from contextlib import closing
from itertools import count

import pytest
import yaml

from launcher import ROOT, TWINS, drop_postgres_database, fresh_database, provision, twin_env
from tests.support.catalog import connect, read_catalog

SCHEMA_MD = ROOT / "shared_spec" / "schema.md"
MAPPING = yaml.safe_load((ROOT / "shared_spec" / "data-model.yaml").read_text())
FAMILIES = {
    "integer": {"integer", "bigint"},
    "long text": {"text"},
    "boolean": {"bool", "boolean"},
    "timestamp": {"timestamp with time zone", "datetime"},
}
SHORT_TEXT = re.compile(r"(?:varchar|character varying)\((\d+)\)")


def data_model() -> dict[str, dict]:
    """schema.md's entities: `### name`, `| field | type | null | notes |` rows, `Unique:` lines."""
    entities: dict[str, dict] = {}
    current = None
    for line in SCHEMA_MD.read_text().splitlines():
        if line.startswith("## "):
            current = None
        elif heading := re.fullmatch(r"### (\w+)", line):
            current = entities.setdefault(heading.group(1), {"fields": {}, "unique": []})
        elif current is None:
            continue
        elif row := re.match(r"\| (\w+) \| ([^|]+) \| (no|empty) \| ([^|]*)\|", line):
            name, kind, null, notes = (part.strip() for part in row.groups())
            family, _, length = kind.partition(" (")
            target = re.search(r"→ (\w+)", notes)
            current["fields"][name] = {
                "family": family,
                "length": int(length.rstrip(")")) if length else None,
                "empty": null == "empty",
                "unique": notes.startswith("unique") or notes == "primary key",
                "target": target and target.group(1),
            }
        elif pair := re.fullmatch(r"Unique: \((\w+), (\w+)\)\.", line):
            current["unique"].append(pair.groups())
    return entities


ENTITIES = data_model()
FIELDS = [(entity, field) for entity, spec in ENTITIES.items() for field in spec["fields"]]


def column_of(twin: str, entity: str, field: str) -> dict:
    """The mapping of one field as a dict with at least `column`."""
    mapped = MAPPING[twin]["entities"][entity]["fields"][field]
    return mapped if isinstance(mapped, dict) else {"column": mapped}


def columns_of(twin: str, entity: str, *fields: str) -> frozenset[str]:
    return frozenset(column_of(twin, entity, field)["column"] for field in fields)


def table_of(twin: str, entity: str) -> str:
    return MAPPING[twin]["entities"][entity]["table"]


@pytest.fixture(scope="module")
def databases(database_server, tmp_path_factory) -> dict:
    """Each twin migrated into a fresh database of the pass's engine: its URL and catalogue."""
    read, made = {}, []
    try:
        for name, twin in TWINS.items():
            workdir = tmp_path_factory.mktemp(f"data-model-{name}")
            url = fresh_database(database_server, workdir, f"twins_data_model_{name}")
            made.append(url)
            provision(twin, twin_env(twin, url))
            read[name] = {"url": url, "catalog": read_catalog(url)}
        yield read
    finally:
        if database_server:
            for url in made:
                drop_postgres_database(url)


@pytest.mark.parametrize("side", sorted(TWINS))
def test_mapping_names_every_entity_and_field(side):
    mapped = MAPPING[side]["entities"]
    assert set(mapped) == set(ENTITIES)
    for entity, spec in ENTITIES.items():
        assert set(mapped[entity]["fields"]) == set(spec["fields"]), entity


@pytest.mark.parametrize("side", sorted(TWINS))
def test_every_table_and_column_is_mapped_or_the_frameworks_own(databases, side):
    catalog = databases[side]["catalog"]
    mapping = MAPPING[side]
    domain = {spec["table"]: spec for spec in mapping["entities"].values()}
    assert set(catalog) - set(mapping["own_tables"]) == set(domain)
    for table, spec in domain.items():
        mapped = {column_of(side, e, f)["column"] for e, f in FIELDS if table_of(side, e) == table}
        assert set(catalog[table].columns) == mapped | set(spec.get("own_columns", [])), table


@pytest.mark.parametrize("side", sorted(TWINS))
@pytest.mark.parametrize(("entity", "field"), FIELDS)
def test_field_has_its_family_length_and_nullability(databases, side, entity, field):
    spec = ENTITIES[entity]["fields"][field]
    mapped = column_of(side, entity, field)
    table = databases[side]["catalog"][table_of(side, entity)]
    declared, nullable = table.columns[mapped["column"]]
    if spec["family"] == "short text":
        length = SHORT_TEXT.fullmatch(declared)
        assert length, declared
        assert int(length.group(1)) == (spec["length"] or mapped["length"])
    else:
        assert declared in FAMILIES[spec["family"]]
    if spec["empty"]:
        assert mapped["empty"] in ("", None)
        assert nullable == (mapped["empty"] is None)
    else:
        assert not nullable


@pytest.mark.parametrize("side", sorted(TWINS))
@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_keys_and_unique_fields(databases, side, entity):
    table = databases[side]["catalog"][table_of(side, entity)]
    fields = ENTITIES[entity]["fields"]
    keys = {table.primary_key, *table.uniques}
    wanted = {columns_of(side, entity, f) for f, spec in fields.items() if spec["unique"]}
    wanted |= {columns_of(side, entity, *pair) for pair in ENTITIES[entity]["unique"]}
    assert wanted <= keys
    if "id" in fields:
        assert table.primary_key == columns_of(side, entity, "id")
    own = set(MAPPING[side]["entities"][entity].get("own_columns", []))
    assert keys - wanted <= {frozenset({column}) for column in own}


@pytest.mark.parametrize("side", sorted(TWINS))
@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_foreign_keys_name_their_targets(databases, side, entity):
    table = databases[side]["catalog"][table_of(side, entity)]
    wanted = {
        (
            columns_of(side, entity, field),
            table_of(side, spec["target"]),
            columns_of(side, spec["target"], "id"),
            "NO ACTION",
        )
        for field, spec in ENTITIES[entity]["fields"].items()
        if spec["target"]
    }
    assert table.foreign_keys == wanted


class Rows:
    """Insert rows of one entity by SQL: given fields, and a plain value for every other column."""

    numbers = count(1)

    def __init__(self, twin: str, database: dict):
        self.twin, self.catalog = twin, database["catalog"]
        self.connection = connect(database["url"])
        self.mark = "?" if database["url"].startswith("sqlite") else "%s"

    def insert(self, entity: str, **given) -> int | None:
        table = self.catalog[table_of(self.twin, entity)]
        values = {column_of(self.twin, entity, f)["column"]: v for f, v in given.items()}
        for column, (declared, nullable) in table.columns.items():
            if column not in values and not nullable and column not in table.primary_key:
                values[column] = self.plain_value(declared)
        names = ", ".join(f'"{column}"' for column in values)
        marks = ", ".join([self.mark] * len(values))
        sql = f'INSERT INTO "{table_of(self.twin, entity)}" ({names}) VALUES ({marks})'
        self.connection.execute(sql, list(values.values()))
        if "id" not in ENTITIES[entity]["fields"]:
            return None
        key = column_of(self.twin, entity, "id")["column"]
        column, value = next(iter(values.items()))
        sql = f'SELECT "{key}" FROM "{table_of(self.twin, entity)}" WHERE "{column}" = {self.mark}'
        return self.connection.execute(sql, [value]).fetchone()[0]

    def close(self) -> None:
        self.connection.close()

    def plain_value(self, declared: str):
        if length := SHORT_TEXT.fullmatch(declared):
            return f"v{next(self.numbers)}"[: int(length.group(1))]
        return {"bool": True, "boolean": True, "text": f"text {next(self.numbers)}"}.get(
            declared, "2026-01-01 00:00:00+00:00"
        )


@pytest.fixture(params=sorted(TWINS))
def rows(request, databases):
    with closing(Rows(request.param, databases[request.param])) as made:
        yield made


def test_usernames_differing_only_in_case_cannot_both_be_stored(rows):
    rows.insert("user", username="Case-Twin", email="case-twin@example.com")
    rows.insert("user", username="other-twin", email="other-twin@example.com")

    with pytest.raises(Exception, match=r"(?i)unique|duplicate"):
        rows.insert("user", username="case-TWIN", email="case-twin-2@example.com")


def test_the_database_refuses_to_delete_a_user_who_still_has_an_article(rows):
    author = rows.insert("user", username="keeps-one", email="keeps-one@example.com")
    rows.insert("article", slug="kept-by-the-key", author=author)
    table = table_of(rows.twin, "user")
    key = column_of(rows.twin, "user", "id")["column"]

    with pytest.raises(Exception, match=r"(?i)foreign key"):
        rows.connection.execute(f'DELETE FROM "{table}" WHERE "{key}" = {rows.mark}', [author])
