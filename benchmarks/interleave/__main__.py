"""python -m benchmarks.interleave: the twins interleaved on one core, Flask over Django."""

import argparse
import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.interleave.results import InterleavedResult
from benchmarks.interleave.twins import BASELINE, TWIN_NAMES, measure_twins, prepare
from benchmarks.load.plan import HEADLINE_SCENARIOS, cpu_layout, make_plan
from benchmarks.load.snapshots import SnapshotStore
from launcher import ROOT

RESULTS = ROOT / "benchmarks" / "results" / "interleave"
# (warm-up, measured) seconds per scenario
FULL_TIMES = (10.0, 60.0)
QUICK_TIMES = (1.0, 6.0)


def ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def describe(result: InterleavedResult) -> str:
    """One scenario's line: CPU ms/req per twin, ratio median [95% CI], pairs, failures, share."""
    if result.status != "ok":
        reasons = [f"{t.name}: {t.reason}" for t in result.targets if t.status != "ok"]
        return f"{result.scenario:<12} {result.status}: {result.reason} {'; '.join(reasons)}"
    cpu = "  ".join(f"{t.name} {ms(t.cpu_ms_per_request)}" for t in result.targets)
    parts = [f"{result.scenario:<12} CPU ms/req {cpu}"]
    for ratio in result.ratios:
        if ratio.median is None:
            parts.append(f"{ratio.target}/{ratio.baseline} n/a (no pairs)")
            continue
        parts.append(
            f"{ratio.target}/{ratio.baseline} {ratio.median:.3f}"
            f" [{ratio.low:.3f}, {ratio.high:.3f}] pooled {ratio.pooled:.3f},"
            f" {ratio.pairs} pairs of {ratio.cycles_per_pair} cycle(s)"
            + (
                " (CORE SHARED: every pair)"
                if ratio.core_shared
                else f" ({ratio.clean_pairs} clean)"
            )
        )
    failures = ", ".join(f"{t.name} {t.failures}" for t in result.targets)
    share = result.generator_share_max
    bound = f" GENERATOR-BOUND in {result.generator_bound_windows} windows"
    parts.append(
        f"failures {failures}; generator share median {ms(result.generator_share_median)}"
        f" max {ms(share)}"
        + (bound if result.generator_bound_windows else "")
        + f"; server CPU's other work {ms(result.foreign_share_median)}"
    )
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.interleave", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1,000 articles, 1 s warm-up + 6 s per scenario, one start",
    )
    parser.add_argument("--scenarios", default=",".join(HEADLINE_SCENARIOS))
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--window", type=float, default=0.5, help="seconds per window (<= 1)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up per scenario")
    parser.add_argument("--measured", type=float, help="measured seconds per scenario")
    parser.add_argument("--out", type=Path, help="results directory")
    options = parser.parse_args(argv)
    began = time.monotonic()
    warmup_s, measured_s = QUICK_TIMES if options.quick else FULL_TIMES
    warmup_s = options.warmup if options.warmup is not None else warmup_s
    measured_s = options.measured if options.measured is not None else measured_s
    scale = make_plan(options.quick, 1).large
    scenarios = [name for name in options.scenarios.split(",") if name]
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    directory = options.out or RESULTS / stamp
    server_cpus, generator_cpus = cpu_layout()
    store = SnapshotStore(os.environ.get("BENCH_DATABASE_URL") or None)
    load_before = os.getloadavg()
    print(f"interleaved: {', '.join(TWIN_NAMES)} on CPU {server_cpus[0]}, locust on "
          f"{generator_cpus}, {scale.articles:,} articles, {options.users} users, windows of "
          f"{options.window} s, {warmup_s:g} s warm-up + {measured_s:g} s per scenario; "
          f"load average {load_before[0]:.2f}", flush=True)  # fmt: skip
    prepare(store, scale)
    results = measure_twins(
        store, scale, directory / "raw", server_cpus, generator_cpus, scenarios=scenarios,
        warmup_s=warmup_s, measured_s=measured_s, window_s=options.window, users=options.users,
        fresh_data=not options.quick,
        on_result=lambda result: print(
            f"[{time.monotonic() - began:5.0f} s] {describe(result)}", flush=True
        ),
    )  # fmt: skip
    load_after = os.getloadavg()
    wall_s = time.monotonic() - began
    record = {
        "quick": options.quick,
        "baseline": BASELINE,
        "scale": {"articles": scale.articles, "users": scale.users},
        "engine": store.engine,
        "server_cpus": server_cpus,
        "generator_cpus": generator_cpus,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "wall_s": wall_s,
        "scenarios": [result.to_json() for result in results],
    }
    output = directory / "interleaved.json"
    output.write_text(json.dumps(record, indent=1))
    print(f"wall {wall_s:.0f} s; load average {load_after[0]:.2f}; {output}")
    return 0 if all(result.status == "ok" for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
