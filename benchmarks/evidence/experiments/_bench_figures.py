"""Figures the claims read, taken from one `make bench` record (see experiments/bench.py)."""

import base64
from pathlib import Path

from benchmarks.evidence.experiment import interval
from benchmarks.load.plan import HEADLINE_SCENARIOS

TWINS = ("django", "flask")
FIGURES = {
    **{
        f"instructions_ratio_{s}": f"Flask/Django instructions per request, {s} mix"
        for s in HEADLINE_SCENARIOS
    },
    **{
        f"interleaved_ratio_{s}": f"Flask/Django server CPU per request, {s}, interleaved on one "
        "core: median of pair ratios with its bootstrap 95% interval"
        for s in HEADLINE_SCENARIOS
    },
    "instructions_ratio_pages_min": "smallest Flask/Django instruction ratio over every page",
    "instructions_ratio_pages_max": "largest Flask/Django instruction ratio over every page",
    "hello_instructions_ratio": "Flask hello-world over Django's, instructions per request",
    "hello_interleaved_ratio": "the same by interleaved server CPU (interval)",
    "ladder_steps": "the Flask ladder: [target, instructions per home page] in order",
    "ladder_largest_step_share": "largest cost one extension adds, over the step before it (0-1)",
    "ladder_largest_step": "the ladder step that adds the most",
    "ladder_full_over_bare": "the whole ladder's instructions over bare Flask's (home page)",
    "middleware_overhead_share": "startproject's middleware over only what the page needs: "
    "(default - none) / default instructions, database-bound home page (0-1)",
    "middleware_interleaved_ratio": "startproject's middleware over none, interleaved (interval)",
    "jinja2_over_dtl_home": "Django twin's home page by Jinja2 over by DTL, instructions",
    "jinja2_over_dtl_interleaved": "the same by interleaved server CPU (interval)",
    "floor_multiple_django_home": "Django twin's home page over the raw WSGI floor, instructions",
    "floor_multiple_flask_home": "Flask twin's home page over the raw WSGI floor, instructions",
    "worker_points": "server core counts the worker curve reached on this machine (count)",
    **{
        f"worker_efficiency_{t}": f"{t}: throughput at the most workers over linear from one core"
        " (present only with two or more points)"
        for t in TWINS
    },
    **{
        f"startup_s_{t}": f"{t} twin: gunicorn start to first 200 (s, sequential runs)"
        for t in TWINS
    },
    **{f"worker_rss_mib_{t}": f"{t} twin: peak worker RSS in the reader run (MiB)" for t in TWINS},
    "queries_equal_share": "share of counted pages and endpoints with the same SQL count in both",
}
PLOTS = ("instructions", "interleaved", "ladder", "apps")


def by_name(items: list[dict]) -> dict[str, dict]:
    return {item["name"]: item for item in items}


def ratio_interval(entry: dict | None) -> dict | None:
    if not entry or entry.get("median") is None or entry.get("low") is None:
        return None
    return interval(entry["median"], entry["low"], entry["high"])


def app_ratio(comparison: dict, target: str) -> dict | None:
    ratios = (comparison.get("interleaved") or {}).get("ratios", [])
    return ratio_interval(next((r for r in ratios if r["target"] == target), None))


def instructions_of(comparison: dict, target: str, label: str) -> float | None:
    found = by_name(comparison["targets"]).get(target)
    return (found or {}).get("instructions", {}).get(label)


def over(top: float | None, bottom: float | None) -> float | None:
    return top / bottom if top is not None and bottom else None


def ladder_figures(ladder: dict) -> dict:
    steps = [[t["name"], t["instructions"].get("home")] for t in ladder["targets"]]
    if any(cost is None for _, cost in steps):
        return {"ladder_steps": steps}
    shares = [(steps[i][0], (steps[i][1] - steps[i - 1][1]) / steps[i - 1][1])
              for i in range(1, len(steps))]  # fmt: skip
    largest = max(shares, key=lambda share: share[1])
    return {"ladder_steps": steps, "ladder_largest_step": largest[0],
            "ladder_largest_step_share": largest[1],
            "ladder_full_over_bare": steps[-1][1] / steps[0][1]}  # fmt: skip


def apps_figures(section: dict | None) -> dict:
    comparisons = by_name((section or {}).get("comparisons", []))
    figures: dict = {}
    if "flask-ladder" in comparisons:
        figures |= ladder_figures(comparisons["flask-ladder"])
    if mw := comparisons.get("django-middleware"):
        default = instructions_of(mw, "django-mw-startproject", "home")
        none = instructions_of(mw, "django-mw-none", "home")
        if default and none is not None:
            figures["middleware_overhead_share"] = (default - none) / default
        figures["middleware_interleaved_ratio"] = app_ratio(mw, "django-mw-startproject")
    if engines := comparisons.get("template-engines"):
        figures["jinja2_over_dtl_home"] = over(
            instructions_of(engines, "django-jinja2", "home"),
            instructions_of(engines, "django-dtl", "home"),
        )
        figures["jinja2_over_dtl_interleaved"] = app_ratio(engines, "django-jinja2")
    if hello := comparisons.get("hello-worlds"):
        figures["hello_instructions_ratio"] = over(
            instructions_of(hello, "hello-flask", "hello"),
            instructions_of(hello, "hello-django", "hello"),
        )
        django, flask = app_ratio(hello, "hello-django"), app_ratio(hello, "hello-flask")
        if django and flask:  # both against the plain WSGI baseline: their quotient, bounds crossed
            figures["hello_interleaved_ratio"] = interval(
                flask["value"] / django["value"], flask["low"] / django["high"],
                flask["high"] / django["low"])  # fmt: skip
    if floors := comparisons.get("floors"):
        for twin in TWINS:
            figures[f"floor_multiple_{twin}_home"] = over(
                instructions_of(floors, twin, "home"), instructions_of(floors, "floor", "home")
            )
    return {name: value for name, value in figures.items() if value is not None}


# A plot is shown beside a claim whose rule reads a figure starting with its key.
PLOT_FILES = {
    "interleaved_ratio": "interleaved-ratios.svg",
    "instructions_ratio": "instruction-ratios.svg",
    "ladder": "apps-flask-ladder.svg",
    "middleware": "apps-django-middleware.svg",
    "jinja2_over_dtl": "apps-template-engines.svg",
    "hello": "apps-hello-worlds.svg",
    "floor_multiple": "apps-floors.svg",
    "worker": "workers.svg",
}


def measured_figures(record: dict) -> dict:
    """Instruction ratios, interleaved intervals, start-up, memory and SQL counts."""
    figures: dict = {}
    ratios = (record.get("instructions") or {}).get("ratios", {})
    for scenario, value in ratios.get("scenarios", {}).items():
        figures[f"instructions_ratio_{scenario}"] = value
    if pages := list(ratios.get("pages", {}).values()):
        figures["instructions_ratio_pages_min"] = min(pages)
        figures["instructions_ratio_pages_max"] = max(pages)
    for scenario, entry in (record.get("interleaved") or {}).get("scenarios", {}).items():
        if entry.get("status") == "ok":
            figures[f"interleaved_ratio_{scenario}"] = ratio_interval(entry.get("ratio"))
    for twin in TWINS:
        figures[f"startup_s_{twin}"] = (record.get("startup_s", {}).get(twin) or {}).get("median")
        reader = record.get("figures", {}).get("reader", {}).get(twin) or {}
        figures[f"worker_rss_mib_{twin}"] = (reader.get("worker_peak_rss_mib") or {}).get("median")
    figures["queries_equal_share"] = queries_equal_share(record.get("queries", {}))
    return figures


def queries_equal_share(queries: dict) -> float | None:
    by_twin = queries.get("by_twin", {})
    pairs = [
        (count.get("queries"), by_twin["flask"][scale]["counts"][page][user].get("queries"))
        for scale, data in by_twin.get("django", {}).items()
        for page, users in data.get("counts", {}).items()
        for user, count in users.items()
        if page in by_twin.get("flask", {}).get(scale, {}).get("counts", {})
        and user in by_twin["flask"][scale]["counts"][page]
    ]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None]
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else None


def worker_figures(sweeps: dict) -> tuple[dict, list[str]]:
    points = sweeps.get("worker_count", [])
    figures: dict = {"worker_points": len(points)}
    if len(points) < 2:
        return figures, [
            f"worker curve: {sweeps.get('worker_count_note', 'one point')}; the "
            "scaling figures need two or more server cores beside the generator"
        ]
    for twin in TWINS:
        rps = [(point["twins"][twin]["rps"] or {}).get("median") for point in points]
        cores = [int(point["point"].split()[0]) for point in points]
        if None not in rps and rps[0]:
            figures[f"worker_efficiency_{twin}"] = rps[-1] / (rps[0] * cores[-1] / cores[0])
    return figures, []


def extract(record: dict, directory: Path) -> tuple[dict, list[str], dict[str, str]]:
    """(figures, notes, plots) of one bench record; a figure the record lacks is left out."""
    figures = measured_figures(record) | apps_figures(record.get("apps"))
    more, notes = worker_figures(record.get("sweeps", {}))
    figures |= more
    figures = {name: value for name, value in figures.items() if value is not None}
    notes += [f"unavailable in the bench: {item}" for item in record.get("unavailable", [])]
    plots = {}
    for key, file in PLOT_FILES.items():
        path = directory / "plots" / file
        if path.exists():
            plots[key] = path.read_text()
    return figures, notes, plots


def versions(record: dict) -> dict[str, str]:
    environment = record.get("environment", {})
    found = {f"harness {k}": str(v) for k, v in environment.get("harness", {}).items()}
    for twin, engine in environment.get("database_versions", {}).items():
        found[f"{twin} database"] = engine
    for name, entry in record.get("footprint", {}).items():
        for dist in (entry or {}).get("direct", []) if isinstance(entry, dict) else []:
            if isinstance(dist, dict) and "name" in dist:
                found[f"{name}: {dist['name']}"] = dist.get("version", "?")
    found["bench commit"] = environment.get("git", {}).get("commit", "?")[:12]
    return found


def png_data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()
