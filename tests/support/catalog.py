"""Read a migrated database's catalogue into plain data, the same shape for SQLite and PostgreSQL.

What is read is what `tests/test_data_model.py` checks: columns (declared type, null), primary
key, unique column sets, plain index column sets and foreign keys with their delete rule.
Generated names and indexes on expressions are left out; `connect` opens the database for SQL.
"""

import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlsplit

DELETE_RULES = {
    "a": "NO ACTION",
    "r": "RESTRICT",
    "c": "CASCADE",
    "n": "SET NULL",
    "d": "SET DEFAULT",
}


@dataclass
class Table:
    columns: dict[str, tuple[str, bool]] = field(default_factory=dict)  # name -> (type, nullable)
    primary_key: frozenset[str] = frozenset()
    uniques: set[frozenset[str]] = field(default_factory=set)
    indexes: set[frozenset[str]] = field(default_factory=set)
    foreign_keys: set[tuple[frozenset[str], str, frozenset[str], str]] = field(default_factory=set)


def read_sqlite(path: str) -> dict[str, Table]:
    connection = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: read_sqlite_table(connection, name) for name in names}
    finally:
        connection.close()


def read_sqlite_table(connection: sqlite3.Connection, name: str) -> Table:
    table = Table()
    primary = []
    for _, column, declared, notnull, _, pk in connection.execute(f'PRAGMA table_info("{name}")'):
        table.columns[column] = (declared.lower(), not notnull and not pk)
        if pk:
            primary.append(column)
    table.primary_key = frozenset(primary)
    for _, index, unique, origin, _ in connection.execute(f'PRAGMA index_list("{name}")'):
        if origin == "pk":
            continue
        columns = frozenset(row[2] for row in connection.execute(f'PRAGMA index_info("{index}")'))
        if None in columns:  # an index on an expression
            continue
        (table.uniques if unique else table.indexes).add(columns)
    keys: dict[int, list] = {}
    for key_id, _, target, source, target_column, _, on_delete, _ in connection.execute(
        f'PRAGMA foreign_key_list("{name}")'
    ):
        keys.setdefault(key_id, [target, [], [], on_delete])
        keys[key_id][1].append(source)
        keys[key_id][2].append(target_column)
    for target, sources, targets, on_delete in keys.values():
        table.foreign_keys.add((frozenset(sources), target, frozenset(targets), on_delete.upper()))
    return table


POSTGRES_SHORT_NAMES = {"character varying": "varchar", "character": "char"}
POSTGRES_COLUMNS = """
SELECT table_name, column_name, data_type, character_maximum_length, is_nullable
FROM information_schema.columns WHERE table_schema = 'public'
"""
POSTGRES_INDEXES = """
SELECT t.relname, i.indisunique, i.indisprimary,
       ARRAY(SELECT a.attname FROM unnest(i.indkey) AS k(n)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n),
       ARRAY(SELECT o.opcname FROM unnest(i.indclass) AS c(oid)
             JOIN pg_opclass o ON o.oid = c.oid)
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'
"""
POSTGRES_FOREIGN_KEYS = """
SELECT t.relname, f.relname, c.confdeltype,
       ARRAY(SELECT a.attname FROM unnest(c.conkey) AS k(n)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
       ARRAY(SELECT a.attname FROM unnest(c.confkey) AS k(n)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
JOIN pg_namespace n ON n.oid = t.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public'
"""


def read_postgres(url: str) -> dict[str, Table]:
    import psycopg

    tables: dict[str, Table] = {}
    with psycopg.connect(url) as connection:
        for table, column, data_type, length, nullable in connection.execute(POSTGRES_COLUMNS):
            kind = (
                f"{POSTGRES_SHORT_NAMES.get(data_type, data_type)}({length})"
                if length
                else data_type
            )
            tables.setdefault(table, Table()).columns[column] = (kind, nullable == "YES")
        for table, unique, primary, columns, opclasses in connection.execute(POSTGRES_INDEXES):
            if any(name.endswith("_pattern_ops") for name in opclasses) or not columns:
                continue
            if primary:
                tables[table].primary_key = frozenset(columns)
            else:
                (tables[table].uniques if unique else tables[table].indexes).add(frozenset(columns))
        for table, target, rule, sources, targets in connection.execute(POSTGRES_FOREIGN_KEYS):
            tables[table].foreign_keys.add(
                (frozenset(sources), target, frozenset(targets), DELETE_RULES[rule])
            )
    return tables


def read_catalog(database_url: str) -> dict[str, Table]:
    """Every table of the database at database_url but SQLite's own."""
    parts = urlsplit(database_url)
    return read_sqlite(parts.path) if parts.scheme == "sqlite" else read_postgres(database_url)


def connect(database_url: str):
    """A DB-API connection in autocommit, with SQLite's foreign keys on as both twins set them."""
    parts = urlsplit(database_url)
    if parts.scheme == "sqlite":
        connection = sqlite3.connect(parts.path, isolation_level=None)
        connection.execute("PRAGMA foreign_keys=ON")
        return connection
    import psycopg

    return psycopg.connect(database_url, autocommit=True)
