"""Every app comparison (catalogue.py) measured by both methods: instructions and interleaved CPU.

The apps read SQLite copies of the twins' snapshots whatever engine the twins were measured on
(the floor and ReaderSample read SQLite files). Instruction counts run two targets at a time, one
per core, each in its own callgrind process; interleaved timing serves a comparison's targets at
once on the server core and alternates the `paths` scenario between them.
"""

import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.apps.catalogue import Comparison, catalogue
from benchmarks.instructions.runner import count_requests
from benchmarks.instructions.specs import RequestSpec
from benchmarks.interleave.run import measure_interleaved
from benchmarks.load.plan import Scale
from benchmarks.load.snapshots import SnapshotStore

# Instruction batches: requests are cheap and their first call is far dearer (compiles, caches).
WARMUP, BATCH = 2, 3
QUICK_COMPARISONS = ("hello-worlds",)


@dataclass
class TargetCost:
    """One target of a comparison: instructions per request per request label, interleaved CPU."""

    name: str
    instructions: dict[str, float] = field(default_factory=dict)
    cpu_ms_per_request: float | None = None
    error: str | None = None


@dataclass
class ComparisonResult:
    name: str
    baseline: str
    requests: list[str]
    targets: list[TargetCost]
    interleaved: dict | None = None  # InterleavedResult.to_json() without its windows
    error: str | None = None


def as_specs(comparison: Comparison) -> list[RequestSpec]:
    return [
        RequestSpec(request.label, request.method, request.path, request.headers, status=200,
                    marker=request.marker)
        for request in comparison.requests
    ]  # fmt: skip


def count_targets(comparison: Comparison, raw_dir: Path, say) -> list[TargetCost]:
    """Instructions per request of each target, two callgrind processes at a time."""

    def one(indexed) -> TargetCost:
        index, target = indexed
        try:
            counts = count_requests(
                target, as_specs(comparison), raw_dir / "callgrind", warmup=WARMUP, batch=BATCH,
                cpu=index % 2,
            )  # fmt: skip
        except (RuntimeError, OSError, ValueError) as error:
            return TargetCost(target.name, error=str(error)[-500:])
        say(f"    {comparison.name}: {target.name} counted")
        return TargetCost(target.name, {label: c.per_request for label, c in counts.items()})

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, enumerate(comparison.targets)))


def interleave(comparison: Comparison, scale: Scale, raw_dir: Path, timing: dict) -> dict:
    """The comparison's targets served at once, the load alternating between them."""
    paths = [[request.path, request.label, request.marker] for request in comparison.requests]
    os.environ["PATHS_SCENARIO_REQUESTS"] = json.dumps(
        paths
    )  # read by load/scenarios/paths.py in locust
    try:
        result = measure_interleaved(
            list(comparison.targets), comparison.baseline, "paths", scale, raw_dir,
            timing["warmup_s"], timing["per_target_s"] * len(comparison.targets),
            timing["window_s"], timing["server_cpus"], timing["generator_cpus"],
            users=timing["users"],
        )  # fmt: skip
    finally:
        os.environ.pop("PATHS_SCENARIO_REQUESTS", None)
    record = result.to_json()
    record.pop("windows", None)
    return record


def measure_comparisons(
    scale: Scale,
    raw_dir: Path,
    timing: dict,
    quick: bool,
    say: Callable[[str], None] = print,
) -> list[ComparisonResult]:
    """Restore SQLite copies of both twins' snapshots, then measure every comparison."""
    store = SnapshotStore(None)
    for twin in ("django", "flask"):
        if not store.exists(twin, scale):
            store.build(twin, scale)
    urls = {twin: store.restore(twin, scale) for twin in ("django", "flask")}
    results = []
    try:
        for comparison in catalogue(urls["django"], urls["flask"]):
            if quick and comparison.name not in QUICK_COMPARISONS:
                continue
            say(f"  {comparison.name}: instructions")
            costs = count_targets(comparison, raw_dir / comparison.name, say)
            result = ComparisonResult(
                comparison.name, comparison.baseline,
                [request.label for request in comparison.requests], costs,
            )  # fmt: skip
            if timing.get("per_target_s"):
                say(f"  {comparison.name}: interleaved timing")
                result.interleaved = interleave(
                    comparison, scale, raw_dir / comparison.name, timing
                )
                for cost in costs:
                    found = next(
                        (t for t in result.interleaved["targets"] if t["name"] == cost.name), None
                    )
                    cost.cpu_ms_per_request = found and found.get("cpu_ms_per_request")
            results.append(result)
    finally:
        for url in urls.values():
            store.discard(url)
    return results


def to_json(results: list[ComparisonResult]) -> list[dict]:
    return [asdict(result) for result in results]
