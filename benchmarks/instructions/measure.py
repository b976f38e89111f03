"""Instructions per request of both twins: pages, API, scenario mixes and per-page breakdowns."""

# Per twin, in its own thread (one core each): restore the snapshot, serve the twin natively to
# sign the demo account in (cookie and token; sign-in is not counted), stop it, profile the pages
# natively (cProfile, for the Python layers), then count every kind under callgrind in one process.

import json
import subprocess
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.instructions.callgrind import read_dump
from benchmarks.instructions.folding import (
    SQLITE_OBJECTS,
    fold_layers,
    fold_objects,
    shares,
    top_functions,
    with_exact_sqlite,
)
from benchmarks.instructions.mixes import SCENARIOS, mix_figure, table_shares
from benchmarks.instructions.results import (
    InstructionResults,
    PageBreakdown,
    TwinInstructions,
    ratios,
)
from benchmarks.instructions.runner import (
    VALGRIND,
    WRITE_BATCH_FACTOR,
    count_kinds,
    profile_requests,
)
from benchmarks.instructions.specs import (
    Credentials,
    KindSet,
    RequestSpec,
    page_kinds,
    scenario_kinds,
)
from benchmarks.load.plan import Scale
from benchmarks.load.sessions import api_token, api_unavailable_reason, signed_in_session
from benchmarks.load.snapshots import SnapshotStore, targets_file
from benchmarks.targets import Target, twin_target
from launcher import TWINS, free_port, serve

QUICK_SIZES, FULL_SIZES = (1, 1), (1, 4)  # (warm-up, measured batch) per kind
PROFILE_BATCH = 10
QUICK_BREAKDOWNS = ("home · signed out", "home · signed in", "API articles · signed out")


def sign_in(target: Target, targets: dict, log_path: Path) -> tuple[Credentials, bool]:
    """The demo account's cookie and token, signed in over HTTP against the twin under gunicorn."""
    email, password = targets["demo"]
    running = serve(TWINS[target.name], target.environment(), free_port(), workers=1,
                    log_path=log_path)  # fmt: skip
    try:
        session = signed_in_session(running.base_url, email, password)
        api = api_unavailable_reason(running.base_url) is None
        token = api_token(running.base_url, email, password) if api else None
    finally:
        running.stop()
    cookie = "; ".join(f"{cookie.name}={cookie.value}" for cookie in session.cookies)
    return Credentials(cookie, token), api


def breakdown(label: str, per_request: float, dump_path: Path, profile) -> PageBreakdown:
    dump = read_dump(dump_path)
    requests = dump.total / per_request
    objects = fold_objects(dump)
    seconds = fold_layers(profile)
    whole = sum(seconds.values()) or 1.0
    layers = {layer: per_request * cost / whole for layer, cost in seconds.items()}
    layers = with_exact_sqlite(layers, objects.get(SQLITE_OBJECTS, 0) / requests)
    return PageBreakdown(
        label,
        by_object=shares(objects, requests, 0.0),
        by_layer=shares(layers, 1.0, 0.0),
        top_functions=shares(top_functions(dump), requests, 0.0),
    )


def measure_twin(
    twin: str,
    scale: Scale,
    store: SnapshotStore,
    secret_key: str,
    raw_dir: Path,
    quick: bool,
    cpu: int | None,
    progress: Callable[[str], None] | None,
) -> TwinInstructions:
    started = time.monotonic()
    raw_dir.mkdir(parents=True, exist_ok=True)
    targets = json.loads(targets_file(scale).read_text())
    database_url = store.restore(twin, scale)
    try:
        target = twin_target(twin, database_url, secret_key)
        credentials, api = sign_in(target, targets, raw_dir / f"{twin}-gunicorn.log")
        warmup, batch = QUICK_SIZES if quick else FULL_SIZES
        kinds = KindSet()
        pages = page_kinds(kinds, targets, credentials, api)
        distinct = warmup + batch * WRITE_BATCH_FACTOR  # favorites go to as many articles
        scenario_kinds(kinds, targets, credentials, scale, distinct, api, not quick)
        broken_down = [label for label in pages if not quick or label in QUICK_BREAKDOWNS]
        page_requests = [spec for spec in kinds.requests if spec.label in broken_down]
        profiles, _ = profile_requests(target, page_requests, raw_dir, batch=PROFILE_BATCH)
        tell = (lambda label: progress(f"{twin}: {label}")) if progress else None
        run = count_kinds(target, kinds.requests, raw_dir, warmup=warmup, batch=batch,
                          keep=frozenset(broken_down), cpu=cpu, progress=tell)  # fmt: skip
    finally:
        store.discard(database_url)
    result = TwinInstructions(twin, run.versions["python"], run.versions["framework"])
    result.counts = list(run.counts.values())
    per_request = {label: count.per_request for label, count in run.counts.items()}
    for scenario, classes in SCENARIOS.items():
        wanted = {kinds.aliases.get(k, k): s for k, s in table_shares(classes).items()}
        if all(label in per_request for label in wanted):
            result.mixes.append(mix_figure(scenario, wanted, per_request))
    for label in broken_down:
        dump = run.kept[label]
        result.breakdowns.append(breakdown(label, per_request[label], dump, profiles[label]))
    result.wall_s = time.monotonic() - started
    return result


def valgrind_version() -> str:
    return subprocess.run([VALGRIND, "--version"], capture_output=True, text=True).stdout.strip()


def measure_instructions(
    twins: list[str],
    scale: Scale,
    store: SnapshotStore,
    secret_key: str,
    raw_dir: Path,
    quick: bool,
    progress: Callable[[str], None] | None = None,
) -> InstructionResults:
    """Count every page, API endpoint and scenario mix of each twin, the twins in parallel."""
    started = time.monotonic()
    raw_dir.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=len(twins)) as pool:
        futures = [
            pool.submit(
                measure_twin, twin, scale, store, secret_key, raw_dir, quick, i % 2, progress
            )
            for i, twin in enumerate(twins)
        ]
        measured = [future.result() for future in futures]
    by_twin = {twin.twin: twin for twin in measured}
    kind_ratios, mix_ratios = [], []
    if "django" in by_twin and "flask" in by_twin:
        django, flask = by_twin["django"], by_twin["flask"]
        kind_ratios = ratios(
            {c.label: c.per_request for c in django.counts},
            {c.label: c.per_request for c in flask.counts},
        )
        mix_ratios = ratios(
            {m.scenario: m.per_request for m in django.mixes},
            {m.scenario: m.per_request for m in flask.mixes},
        )
    warmup, batch = QUICK_SIZES if quick else FULL_SIZES
    return InstructionResults(
        scale=scale.key, quick=quick, valgrind=valgrind_version(), warmup=warmup, batch=batch,
        twins=measured, kind_ratios=kind_ratios, mix_ratios=mix_ratios,
        wall_s=time.monotonic() - started, method=METHOD,
    )  # fmt: skip


METHOD = (
    "In-process through each WSGI app under valgrind --tool=callgrind, PYTHONHASHSEED=0, one "
    "process per twin; per kind a warm-up and gc.collect(), then a measured batch whose "
    "callgrind dump (valgrind --dump-before=getppid, the driver calling os.getppid() around it) "
    "is divided by its size. "
    "Layers: cProfile own time in a native run, folded by file path, scaled to the instructions; "
    "SQLite itself is callgrind's exact cost of libsqlite3 and _sqlite3."
)
__all__ = ["RequestSpec", "measure_instructions"]
