"""Generated data sets, loaded once per twin and engine into a snapshot, restored for each run."""

# SQLite snapshots are files under var/bench/snapshots/ copied with SQLite's backup API; PostgreSQL
# snapshots are template databases, restored with CREATE DATABASE ... TEMPLATE. A snapshot's name
# carries a fingerprint of the seed file and the twin's migrations and seed loader, so a change to
# either builds a new one.

import hashlib
import json
import secrets
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmarks.load.plan import Scale
from launcher import ROOT, TWINS, drop_postgres_database, provision, sqlite_url, twin_env

BENCH_VAR = ROOT / "var" / "bench"
GENERATOR = ROOT / "shared_spec" / "seed" / "generate.py"
COUNTED = ("users", "articles", "comments", "favorites", "follows")


def seed_file(scale: Scale) -> Path:
    """The seed file for this scale, generated once (the generator is deterministic)."""
    path = BENCH_VAR / f"seed-{scale.articles}a-{scale.users}u.json"
    if not path.exists():
        partial = path.with_suffix(".partial")
        command = [sys.executable, str(GENERATOR), "--users", str(scale.users)]
        command += ["--articles", str(scale.articles), "-o", str(partial)]
        subprocess.run(command, check=True, capture_output=True)
        partial.rename(path)
    return path


def fingerprint(twin: str, seed: Path) -> str:
    digest = hashlib.sha256(seed.read_bytes())
    for path in sorted((ROOT / f"{twin}_impl").rglob("*.py")):
        if "migrations" in path.parts or path.name == "seed.py":
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def targets_file(scale: Scale) -> Path:
    """The names scenarios pick from: slugs, authors, tags and the seed's sign-in accounts."""
    path = BENCH_VAR / f"targets-v2-{scale.articles}a-{scale.users}u.json"
    if not path.exists():
        seed = json.loads(seed_file(scale).read_text())
        articles = seed["articles"]
        tag_counts = Counter(tag for article in articles for tag in article["tags"])
        targets = {
            "slugs": [article["slug"] for article in articles],
            "authors": sorted({article["author"] for article in articles}),
            "sample_article": next(
                [article["slug"], article["author"]]
                for article in reversed(articles)
                if article["author"] != seed["demo"]["username"]
            ),
            "top_tag": tag_counts.most_common(1)[0][0],
            "tags": sorted(tag_counts),
            "accounts": [[user["email"], user["password"]] for user in seed["users"]],
            "demo": [seed["demo"]["email"], seed["demo"]["password"]],
            "counts": {key: len(seed[key]) for key in COUNTED},
        }
        path.write_text(json.dumps(targets))
    return path


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_sqlite(source: Path, target: Path) -> None:
    remove_sqlite(target)
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)  # never creates an empty source
    copy = sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()


class SnapshotStore:
    """Snapshots on one engine: SQLite files, or template databases on a PostgreSQL server."""

    def __init__(self, server_url: str | None) -> None:
        self.server_url = server_url
        self.engine = "postgresql" if server_url else "sqlite"
        (BENCH_VAR / "snapshots").mkdir(parents=True, exist_ok=True)
        (BENCH_VAR / "run").mkdir(parents=True, exist_ok=True)

    def name(self, twin: str, scale: Scale) -> str:
        return f"bench_{twin}_{scale.key}_{fingerprint(twin, seed_file(scale))}"

    def database_url(self, name: str) -> str:
        return urlunsplit(urlsplit(self.server_url)._replace(path=f"/{name}"))

    def sql(self, statement: str, *params) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as connection:
            cursor = connection.execute(statement, params or None)
            return cursor.fetchall() if cursor.description else []

    def exists(self, twin: str, scale: Scale) -> bool:
        name = self.name(twin, scale)
        if self.engine == "sqlite":
            return (BENCH_VAR / "snapshots" / f"{name}.sqlite3").exists()
        return bool(self.sql("SELECT 1 FROM pg_database WHERE datname = %s", name))

    def build(self, twin: str, scale: Scale) -> None:
        """Migrate a fresh database and load the seed into it through the twin's own loader."""
        name = self.name(twin, scale)
        if self.engine == "sqlite":
            building = BENCH_VAR / "snapshots" / f"{name}.building.sqlite3"
            copy_target = BENCH_VAR / "snapshots" / f"{name}.sqlite3"
            remove_sqlite(building)
            env = twin_env(TWINS[twin], sqlite_url(building), DEBUG="0")
            provision(TWINS[twin], env, seed_file(scale))
            copy_sqlite(building, copy_target)
            remove_sqlite(building)
            self.prune(twin, scale)
            return
        building = f"{name}_building"
        self.sql(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        self.sql(f'CREATE DATABASE "{building}"')
        env = twin_env(TWINS[twin], self.database_url(building), DEBUG="0")
        provision(TWINS[twin], env, seed_file(scale))
        self.sql(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        self.prune(twin, scale)

    def prune(self, twin: str, scale: Scale) -> None:
        """Drop this twin and scale's snapshots made from an older seed, migration or loader."""
        name = self.name(twin, scale)
        prefix = name.rsplit("_", 1)[0] + "_"
        if self.engine == "sqlite":
            for path in (BENCH_VAR / "snapshots").glob(f"{prefix}*.sqlite3"):
                if path.name != f"{name}.sqlite3":
                    path.unlink()
            return
        rows = self.sql("SELECT datname FROM pg_database WHERE datname LIKE %s", prefix + "%")
        for (stale,) in rows:
            if stale != name:
                self.sql(f'DROP DATABASE IF EXISTS "{stale}" WITH (FORCE)')

    def restore(self, twin: str, scale: Scale) -> str:
        """A fresh copy of the snapshot for one run; returns its DATABASE_URL."""
        name = self.name(twin, scale)
        if not self.exists(twin, scale):
            raise RuntimeError(f"no snapshot {name}: it is built by prepare_data first")
        if self.engine == "sqlite":
            target = BENCH_VAR / "run" / f"{twin}.sqlite3"
            copy_sqlite(BENCH_VAR / "snapshots" / f"{name}.sqlite3", target)
            return sqlite_url(target)
        copy = f"bench_run_{twin}_{secrets.token_hex(4)}"
        self.sql(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
        return self.database_url(copy)

    def discard(self, database_url: str) -> None:
        if self.engine == "postgresql":
            drop_postgres_database(database_url)

    def version(self, twin: str) -> str:
        if self.engine == "postgresql":
            return "PostgreSQL " + self.sql("SHOW server_version")[0][0]
        command = [
            str(TWINS[twin].bin / "python"),
            "-c",
            "import sqlite3; print(sqlite3.sqlite_version)",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        return "SQLite " + result.stdout.strip()
