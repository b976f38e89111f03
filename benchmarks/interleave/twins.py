"""The twins interleaved over the headline scenarios, each scenario on fresh copies of the data."""

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from benchmarks.interleave.results import InterleavedResult
from benchmarks.interleave.run import measure_served
from benchmarks.interleave.serving import serving
from benchmarks.load.plan import HEADLINE_SCENARIOS, Scale
from benchmarks.load.snapshots import (
    BENCH_VAR,
    SnapshotStore,
    copy_sqlite,
    remove_sqlite,
    seed_file,
    targets_file,
)
from benchmarks.targets import twin_target
from launcher import sqlite_url

TWIN_NAMES = ("django", "flask")
BASELINE = "django"
DATABASES = BENCH_VAR / "interleave"
# Scenarios that only read: a server that ran them still holds the pristine data.
READ_ONLY_SCENARIOS = frozenset({"reader", "probe_page", "probe_json"})


def prepare(store: SnapshotStore, scale: Scale, twins=TWIN_NAMES, say=print) -> None:
    """Seed file, names file and each twin's snapshot for this scale, made once."""
    seed_file(scale)
    targets_file(scale)
    for twin in twins:
        if not store.exists(twin, scale):
            say(f"  loading {scale.articles:,} articles into a {store.engine} snapshot: {twin}")
            store.build(twin, scale)


def restore(store: SnapshotStore, twin: str, scale: Scale) -> str:
    """A fresh copy of the twin's snapshot, on a path (or database) no other invocation uses."""
    if store.engine != "sqlite":
        return store.restore(twin, scale)
    if not store.exists(twin, scale):
        raise RuntimeError(f"no snapshot for {twin} at {scale.key}: prepare() builds it")
    DATABASES.mkdir(parents=True, exist_ok=True)
    copy = DATABASES / f"{twin}-{os.getpid()}-{secrets.token_hex(4)}.sqlite3"
    copy_sqlite(BENCH_VAR / "snapshots" / f"{store.name(twin, scale)}.sqlite3", copy)
    return sqlite_url(copy)


def discard(store: SnapshotStore, database_url: str) -> None:
    if store.engine == "sqlite":
        remove_sqlite(Path(database_url.removeprefix("sqlite:///")))
    else:
        store.discard(database_url)


def server_groups(scenarios, fresh_data: bool = True) -> list[list[str]]:
    """Consecutive scenarios that share one start of the servers.

    With fresh_data each group begins on pristine data and a scenario that writes ends its group;
    without it (QUICK, to fit its time) all scenarios share one start.
    """
    groups, current = [], []
    for scenario in scenarios:
        current.append(scenario)
        if fresh_data and scenario not in READ_ONLY_SCENARIOS:
            groups.append(current)
            current = []
    return [*groups, current] if current else groups


def measure_twins(
    store: SnapshotStore,
    scale: Scale,
    raw_dir: Path,
    server_cpus: list[int],
    generator_cpus: list[int],
    *,
    scenarios=HEADLINE_SCENARIOS,
    warmup_s: float,
    measured_s: float,
    window_s: float,
    users: int = 32,
    fresh_data: bool = True,
    on_result: Callable[[InterleavedResult], None] | None = None,
) -> list[InterleavedResult]:
    """Django and Flask interleaved, scenario by scenario, Flask's ratios over Django's.

    With fresh_data every scenario starts on pristine copies of the snapshots: the twins are
    restarted on fresh copies after each scenario that writes, and kept (signed in) across
    read-only ones.
    """
    secret_key = secrets.token_urlsafe(50)
    results = []
    for group in server_groups(scenarios, fresh_data):
        urls = {twin: restore(store, twin, scale) for twin in TWIN_NAMES}
        targets = [twin_target(twin, urls[twin], secret_key) for twin in TWIN_NAMES]
        try:
            with serving(targets, server_cpus[0], raw_dir, group[0]) as served:
                for scenario in group:
                    result = measure_served(
                        served, BASELINE, scenario, scale, raw_dir, warmup_s, measured_s,
                        window_s, generator_cpus, users,
                    )  # fmt: skip
                    results.append(result)
                    if on_result:
                        on_result(result)
        finally:
            for url in urls.values():
                discard(store, url)
    return results
