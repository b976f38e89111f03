"""Figures from one run's raw data, and their aggregation into medians, spreads and ratios."""

# The rules that decide what a figure may be used for live here, in code:
# - a run whose load generator used more than GENERATOR_BOUND_SHARE of its CPUs is generator-bound;
# - a Flask/Django ratio is fit for a verdict only when the invocation is not QUICK, each twin has
#   at least MIN_REPEATS runs, no run is generator-bound and no run had failures.
# Ratios are always taken between runs of the same invocation, repeat by repeat (ratio()).

from statistics import median

from benchmarks.measure.procstat import cpu_seconds

GENERATOR_BOUND_SHARE = 0.85
RATIO_FIGURES = (
    "server_cpu_ms_per_request", "database_cpu_ms_per_request", "rps", "p50_ms", "p95_ms", "p99_ms",
)  # fmt: skip
MIN_REPEATS = 2  # the sequential runs repeat twice; verdicts on cost rest on the other methods
FIGURES = (
    "rps", "p50_ms", "p95_ms", "p99_ms", "failures", "server_cpu_ms_per_request",
    "worker_peak_rss_mib", "generator_cpu_share", "startup_s", "database_cpu_ms_per_request",
)  # fmt: skip


def window_figures(window: dict) -> dict:
    """CPU and memory over the measured window, from the snapshots taken inside locust."""
    start, end = window["start"], window["end"]
    seconds = end["monotonic"] - start["monotonic"]
    ticks = window["ticks_per_second"]
    generator = cpu_seconds(start["generator"]["cpu_ticks"], end["generator"]["cpu_ticks"], ticks)
    share = generator["seconds"] / (seconds * window["generator_cpus"])
    figures = {
        "window_s": seconds,
        "generator_cpu_share": share,
        "generator_bound": share > GENERATOR_BOUND_SHARE,
        "server_cpu_s": None,
        "worker_peak_rss_mib": None,
        "lost_workers": [],
    }
    if start["server"] is not None:
        server = cpu_seconds(start["server"]["cpu_ticks"], end["server"]["cpu_ticks"], ticks)
        peaks = [kib for kib in end["server"]["peak_rss_kib"].values() if kib is not None]
        figures["server_cpu_s"] = server["seconds"]
        figures["lost_workers"] = server["lost_processes"]
        figures["worker_peak_rss_mib"] = max(peaks) / 1024 if peaks else None
    figures["database_cpu_s"] = None
    if start.get("database") is not None and end.get("database") is not None:
        database = cpu_seconds(start["database"]["cpu_ticks"], end["database"]["cpu_ticks"], ticks)
        figures["database_cpu_s"] = database["seconds"]
    return figures


def run_figures(stats: dict, window: dict) -> dict:
    """Everything one run measured: locust's request figures plus the window's CPU figures."""
    figures = {key: value for key, value in stats.items() if key != "endpoints"}
    figures.update(window_figures(window))
    for source, target in (
        ("server_cpu_s", "server_cpu_ms_per_request"),
        ("database_cpu_s", "database_cpu_ms_per_request"),
    ):
        cpu, requests = figures[source], figures["requests"]
        figures[target] = cpu * 1000 / requests if cpu is not None and requests else None
    return figures


def summarize(values: list) -> dict | None:
    """Median, range and spread ((max - min) / median) of the values that were measured."""
    present = [value for value in values if value is not None]
    if not present:
        return None
    middle = median(present)
    low, high = min(present), max(present)
    spread = (high - low) / middle * 100 if middle else None
    return {"median": middle, "min": low, "max": high, "n": len(present), "spread_pct": spread}


def ratio(numerator: dict[int, float | None], denominator: dict[int, float | None]) -> dict | None:
    """numerator/denominator, each given by repeat number.

    The headline is the median of the per-repeat ratios: the two twins of one repeat run back to
    back, so a slow spell of the machine that spans both cancels out of their ratio. The ratio of
    the two medians and the range of the per-repeat ratios are kept beside it.
    """
    top, bottom = summarize(list(numerator.values())), summarize(list(denominator.values()))
    if top is None or bottom is None or not bottom["median"]:
        return None
    paired = [
        numerator[repeat] / denominator[repeat]
        for repeat in sorted(numerator.keys() & denominator.keys())
        if numerator[repeat] is not None and denominator[repeat]
    ]
    return {
        "paired_median": median(paired) if paired else None,
        "of_medians": top["median"] / bottom["median"],
        "paired_min": min(paired) if paired else None,
        "paired_max": max(paired) if paired else None,
        "pairs": len(paired),
    }


def unfit_reasons(quick: bool, runs_by_twin: dict[str, list[dict]]) -> list[str]:
    """Why figures compared across these runs are not fit for a verdict (empty: they are)."""
    reasons = ["QUICK run"] if quick else []
    for twin, runs in sorted(runs_by_twin.items()):
        if len(runs) < MIN_REPEATS:
            reasons.append(f"{twin}: {len(runs)} run(s), fewer than {MIN_REPEATS}")
        if any(run["figures"]["generator_bound"] for run in runs):
            reasons.append(f"{twin}: generator-bound")
        if any(run["figures"]["failures"] for run in runs):
            reasons.append(f"{twin}: failures")
    return reasons


def aggregate(runs: list[dict], quick: bool) -> dict:
    """Per spec: each twin's summaries of every figure, Flask/Django ratios and fitness."""
    by_spec: dict[str, dict[str, list[dict]]] = {}
    for run in runs:
        if run["status"] == "ok":
            by_spec.setdefault(run["spec"], {}).setdefault(run["twin"], []).append(run)
    result = {}
    for key, by_twin in by_spec.items():
        for twin_runs in by_twin.values():
            twin_runs.sort(key=lambda run: run["repeat"])
        twins = {
            twin: {
                figure: summarize([run["figures"].get(figure) for run in twin_runs])
                for figure in FIGURES
            }
            for twin, twin_runs in by_twin.items()
        }
        ratios = {}
        if {"django", "flask"} <= set(by_twin):
            for figure in RATIO_FIGURES:
                ratios[figure] = ratio(
                    {run["repeat"]: run["figures"].get(figure) for run in by_twin["flask"]},
                    {run["repeat"]: run["figures"].get(figure) for run in by_twin["django"]},
                )
        reasons = unfit_reasons(quick, by_twin)
        result[key] = {"twins": twins, "flask_over_django": ratios, "unfit_reasons": reasons}
    return result
