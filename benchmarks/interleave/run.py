"""One interleaved measurement: every target served on one core, the load alternating."""

import json
import os
import subprocess
import time
from dataclasses import asdict, replace
from pathlib import Path
from statistics import median

from benchmarks.interleave.accounting import (
    Boundary,
    cycles_per_pair_for,
    pair_ratios,
    pooled_cpu_ms_per_request,
    window_figures,
)
from benchmarks.interleave.ratios import bootstrap_median_interval, median_or_none
from benchmarks.interleave.results import InterleavedResult, RatioFigures, TargetFigures
from benchmarks.interleave.schedule import Schedule, make_schedule
from benchmarks.interleave.serving import PRIVATE, SIGN_IN_ERRORS, ServedTarget, serving
from benchmarks.load.plan import Scale
from benchmarks.load.snapshots import targets_file
from benchmarks.targets import Target
from launcher import ROOT

LOCUST = ROOT / ".venv" / "tools" / "bin" / "locust"
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
CUMULATIVE = ("cpu_ns", "requests", "failures")
# Each side of a pair holds at least this many requests (by the median window): adjacent cycles
# are pooled until it does, so that a pair's two mixes of pages are comparable. One cycle of a
# probe holds more; one of the reader at 10,000 articles holds about a dozen.
MIN_PAIR_REQUESTS = 50
# Pairs whose server CPU spent more than this share on other work (other processes, interrupts)
# are left out of the headline, as long as at least MIN_CLEAN_PAIRS remain; otherwise every pair
# counts and the ratio is marked core_shared.
MAX_FOREIGN_SHARE = 0.10
MIN_CLEAN_PAIRS = 10


def run_locust(config: dict, scale: Scale, users: int, generator_cpus: list[int], log: Path):
    config_path = PRIVATE / f"interleave-{config['scenario']}-{os.getpid()}.json"
    config_path.write_text(json.dumps(config))
    limit = Schedule(**config["schedule"]).total_s + 30
    command = [
        "taskset", "--cpu-list", ",".join(map(str, generator_cpus)), str(LOCUST),
        "-f", str(LOCUSTFILE), "--headless", "--users", str(users), "--spawn-rate", str(users),
        "--run-time", f"{int(limit)}s", "--host", config["targets"][0]["url"], "--only-summary",
        "--loglevel", "WARNING", "--exit-code-on-error", "0", "--stop-timeout", "0",
    ]  # fmt: skip
    env = {"PYTHONPATH": str(ROOT), "BENCH_INTERLEAVE": str(config_path)}
    env["BENCH_TARGETS"] = str(targets_file(scale))
    try:
        result = subprocess.run(
            command, env={**_base_env(), **env}, capture_output=True, text=True, timeout=limit + 60
        )
    finally:
        config_path.unlink(missing_ok=True)
    log.write_text(result.stdout + result.stderr)
    return result


def _base_env() -> dict:
    return {key: value for key, value in os.environ.items() if not key.startswith("BENCH_")}


def summarize(
    result: InterleavedResult, names: list[str], record: dict, schedule: Schedule
) -> InterleavedResult:
    """Window figures, per-target totals and ratios from the locust side's snapshots."""
    boundaries = [
        Boundary(**{**entry, **{key: tuple(entry[key]) for key in CUMULATIVE}})
        for entry in record["boundaries"]
    ]
    windows = window_figures(
        schedule, boundaries, record["generator_cpus"], record["ticks_per_second"]
    )
    base = names.index(result.baseline)
    targets = []
    for index, name in enumerate(names):
        own = [figures for figures in windows if figures.target == index]
        per_window = [f.cpu_ms_per_request for f in own if f.cpu_ms_per_request is not None]
        previous = result.target(name)
        targets.append(
            replace(
                previous,
                cpu_ms_per_request=pooled_cpu_ms_per_request(windows, index),
                window_median_cpu_ms_per_request=median_or_none(per_window),
                requests=sum(figures.requests for figures in own),
                failures=sum(figures.failures for figures in own),
                failure_messages=record["failure_messages"][index],
            )
        )
    ratios = []
    cycles = cycles_per_pair_for(windows, MIN_PAIR_REQUESTS)
    for index, name in enumerate(names):
        if index == base:
            continue
        every = pair_ratios(windows, index, base, cycles)
        clean = pair_ratios(windows, index, base, cycles, MAX_FOREIGN_SHARE)
        pairs = clean if len(clean) >= MIN_CLEAN_PAIRS else every
        interval = bootstrap_median_interval(pairs) or (None, None)
        top, bottom = targets[index].cpu_ms_per_request, targets[base].cpu_ms_per_request
        pooled = top / bottom if top is not None and bottom else None
        single = median_or_none(pair_ratios(windows, index, base))
        middle = median_or_none(pairs)
        figures = RatioFigures(name, result.baseline, middle, *interval, len(pairs), pooled)
        extra = {"cycles_per_pair": cycles, "single_cycle_median": single,
                 "clean_pairs": len(clean), "every_pair_median": median_or_none(every),
                 "core_shared": pairs is every}  # fmt: skip
        ratios.append(replace(figures, **extra))
    shares = [f.generator_share for f in windows if f.generator_share is not None]
    unavailable = [figures for figures in result.targets if figures.status != "ok"]
    result.targets, result.ratios, result.windows = targets + unavailable, ratios, windows
    result.generator_share_median = median(shares) if shares else None
    result.generator_share_max = max(shares) if shares else None
    result.generator_bound_windows = sum(figures.generator_bound for figures in windows)
    foreign = [f.foreign_share for f in windows if f.foreign_share is not None]
    result.foreign_share_median = median(foreign) if foreign else None
    if record["workers"] != record["workers_at_end"] or not all(record["workers"]):
        result.status, result.reason = "error", f"gunicorn workers changed: {record['workers']}"
        result.reason += f" -> {record['workers_at_end']}"
    return result


def measure_served(
    served: list[ServedTarget],
    baseline: str,
    scenario: str,
    scale: Scale,
    raw_dir: Path,
    warmup_s: float,
    measured_s: float,
    window_s: float,
    generator_cpus: list[int],
    users: int = 32,
) -> InterleavedResult:
    """Alternate one scenario's load between targets already served (see serving.serving)."""
    began = time.monotonic()
    raw_dir.mkdir(parents=True, exist_ok=True)
    result = InterleavedResult(
        scenario, "ok", None, baseline, users, window_s, warmup_s, measured_s
    )  # fmt: skip
    runnable = []
    for entry in served:
        try:
            if entry.error:
                raise RuntimeError(entry.error)
            sessions = entry.sessions(scenario, scale)
        except SIGN_IN_ERRORS as error:
            result.targets.append(TargetFigures(entry.name, "unavailable", str(error)[-500:]))
            continue
        result.targets.append(TargetFigures(entry.name, "ok", startup_s=entry.startup_s))
        runnable.append({"name": entry.name, "url": entry.url, "master_pid": entry.master_pid,
                         "sessions": sessions})  # fmt: skip
    names = [entry["name"] for entry in runnable]
    if baseline not in names or len(names) < 2:
        result.status = "unavailable"
        result.reason = f"runnable {names}: needs the baseline {baseline!r} and another"
        result.wall_s = time.monotonic() - began
        return result
    schedule = make_schedule(len(names), window_s, warmup_s, measured_s)
    out = raw_dir / f"{scenario}-interleaved.json"
    out.unlink(missing_ok=True)
    config = {"scenario": scenario, "targets": runnable, "schedule": asdict(schedule),
              "out": str(out), "server_cpu": served[0].cpu}  # fmt: skip
    locust = run_locust(config, scale, users, generator_cpus, raw_dir / f"{scenario}-locust.log")
    if not out.exists():
        result.status = "error"
        tail = (locust.stdout + locust.stderr)[-1500:]
        result.reason = f"locust exited {locust.returncode}: {tail}"
    else:
        summarize(result, names, json.loads(out.read_text()), schedule)
    result.wall_s = time.monotonic() - began
    return result


def measure_interleaved(
    targets: list[Target],
    baseline: str,
    scenario: str,
    scale: Scale,
    raw_dir: Path,
    warmup_s: float,
    measured_s: float,
    window_s: float,
    server_cpus: list[int],
    generator_cpus: list[int],
    users: int = 32,
) -> InterleavedResult:
    """Serve every target on server_cpus[0] at once, alternate the load between them, account.

    A target that does not start, cannot sign in or lacks the scenario's API is reported
    unavailable; the scenario is unavailable when the baseline or all others are.
    """
    began = time.monotonic()
    with serving(targets, server_cpus[0], raw_dir, scenario) as served:
        result = measure_served(
            served, baseline, scenario, scale, raw_dir, warmup_s, measured_s, window_s,
            generator_cpus, users,
        )  # fmt: skip
    result.wall_s = time.monotonic() - began
    return result
