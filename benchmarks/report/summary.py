"""summary.md: the tables a reader understands without opening the raw files."""

from pathlib import Path

from benchmarks.measure.steadiness import describe
from benchmarks.report.analysis import GENERATOR_BOUND_SHARE
from benchmarks.report.apps_summary import apps_lines
from benchmarks.report.methods_summary import (
    breakdown_lines,
    instruction_lines,
    interleaved_lines,
)
from benchmarks.report.report_tables import footprint_table, loc_tables, number, ratio_text, table
from benchmarks.report.report_tables import with_range as spread

HEADLINE_COLUMNS = [
    ("req/s", "rps", 0), ("p50 ms", "p50_ms", 0), ("p95 ms", "p95_ms", 0), ("p99 ms", "p99_ms", 0),
    ("failures", "failures", 0), ("server CPU ms/req", "server_cpu_ms_per_request", 2),
    ("worker peak RSS MiB", "worker_peak_rss_mib", 0),
]  # fmt: skip


def share(summary: dict | None) -> str:
    if not summary:
        return "n/a"
    flag = " ⚠ generator-bound" if summary["max"] > GENERATOR_BOUND_SHARE else ""
    return f"{summary['max'] * 100:.0f}%{flag}"


DATABASE_COLUMN = ("DB server CPU ms/req", "database_cpu_ms_per_request", 2)


def columns(document: dict) -> list[tuple[str, str, int]]:
    """The table columns; PostgreSQL adds its own server's CPU, which is not in the workers'."""
    postgres = document["environment"]["database_engine"] == "postgresql"
    return [*HEADLINE_COLUMNS, DATABASE_COLUMN] if postgres else HEADLINE_COLUMNS


def figure_rows(entries: list[tuple[str, dict]], twins: list[str], shown: list) -> list[list]:
    rows = []
    for label, entry in entries:
        for twin in twins:
            figures = entry.get(twin)
            if figures is None:
                continue
            cells = [spread(figures.get(key), digits) for _, key, digits in shown]
            rows.append([label, twin, *cells, share(figures["generator_cpu_share"])])
    return rows


def headline_lines(document: dict) -> list[str]:
    twins, shown = document["plan"]["twins"], columns(document)
    headers = ["scenario", "twin", *(title for title, _, _ in shown), "generator CPU (max)"]
    rows = figure_rows(list(document["figures"].items()), twins, shown)
    lines = [
        "## Sequential load tests, one twin at a time (median [min, max] over the repeats)",
        "",
    ]
    lines += table(headers, rows)
    ratio_rows = [
        [scenario, ratio_text(entry["flask_over_django"].get("server_cpu_ms_per_request")),
         ratio_text(entry["flask_over_django"].get("rps")),
         ratio_text(entry["flask_over_django"].get("p95_ms")),
         "yes" if not entry["unfit_reasons"] else "no: " + "; ".join(entry["unfit_reasons"])]
        for scenario, entry in document["figures"].items()
        if entry["flask_over_django"]
    ]  # fmt: skip
    lines += [
        "## Flask / Django ratios (median of the per-repeat ratios [their range]; this invocation)",
        "",
    ]
    lines += table(
        ["scenario", "server CPU per request", "req/s", "p95", "fit for a verdict"], ratio_rows
    )
    return lines


def sweep_lines(document: dict) -> list[str]:
    twins, shown = document["plan"]["twins"], columns(document)
    sweeps = document["sweeps"]
    headers = ["point", "twin", *(title for title, _, _ in shown), "generator CPU (max)"]
    lines = []
    titles = {
        "concurrency": "Concurrency sweep (reader; users)",
        "worker_model": "Worker model (reader; same core budget)",
        "worker_count": f"Worker count (reader; {sweeps['worker_count_note']})",
        "data_size": "Data size (list pages; articles)",
    }
    for name, title in titles.items():
        points = sweeps[name]
        lines += [f"## {title}", ""]
        if not points:
            lines += ["Not run in this invocation.", ""]
            continue
        entries = [(str(point["point"]), point["twins"]) for point in points]
        lines += table(headers, figure_rows(entries, twins, shown))
        if name in ("concurrency", "worker_model") and len(points) == 1:
            lines += ["Only the headline configuration ran in this invocation (QUICK).", ""]
    lines += ["Sweep points run once unless they coincide with a headline configuration.", ""]
    return lines


def query_lines(document: dict) -> list[str]:
    by_twin = document["queries"]["by_twin"]
    twins = sorted(by_twin)
    scales = list(next(iter(by_twin.values())).keys()) if by_twin else []
    headers = ["page", "who"] + [f"{twin} {scale}" for twin in twins for scale in scales]
    labels = []
    for twin in twins:
        for scale in scales:
            labels += [label for label in by_twin[twin][scale]["counts"] if label not in labels]
    rows = []
    for label in labels:
        for who in ("signed out", "signed in"):
            cells = []
            for twin in twins:
                for scale in scales:
                    seen = by_twin[twin][scale]["counts"].get(label, {}).get(who)
                    cells.append(
                        "—" if seen is None else f"{number(seen['queries'])} ({seen['status']})"
                    )
            rows.append([label, who, *cells])
    lines = ["## SQL statements per request (X-Query-Count; HTTP status in brackets)", ""]
    lines += table(headers, rows)
    for twin, grown in document["queries"]["grows_with_data"].items():
        verdict = "; ".join(grown) if grown else "none"
        if grown is None:
            verdict = "not checked (one data scale in this invocation)"
        lines.append(f"- {twin}: pages whose count grows with the data: {verdict}")
    lines += expectation_lines(document["queries"].get("as_specified"))
    return [*lines, ""]


def expectation_lines(checked: dict | None) -> list[str]:
    """Whether the counts are those shared_spec states, and every difference has its reason."""
    if checked is None:
        return []
    lines = []
    for twin, by_scale in checked["mismatches"].items():
        problems = [f"{scale}: {problem}" for scale, found in by_scale.items() for problem in found]
        verdict = "; ".join(problems) if problems else "all as stated"
        lines.append(f"- {twin}: counts against `{checked['file']}`: {verdict}")
    unexplained = checked["unexplained_differences"]
    lines.append(
        "- differences between the twins without a stated reason: "
        + ("; ".join(unexplained) if unexplained else "none")
    )
    return lines


def startup_lines(document: dict) -> list[str]:
    rows = []
    for twin in document["plan"]["twins"]:
        imports = document["imports"].get(twin, {})
        startup = spread(document["startup_s"].get(twin), 2)
        rows.append(
            [twin, startup, spread(imports.get("seconds"), 3), imports.get("modules_loaded")]
        )
    headers = ["twin", "process start to first 200 (s)", "import of WSGI module (s)", "modules"]
    return ["## Start-up and import time", "", *table(headers, rows)]


def load(env: dict, moment: str) -> str:
    return " / ".join(f"{value:.1f}" for value in env["load_average"][moment])


def header_lines(document: dict) -> list[str]:
    env = document["environment"]
    plan = document["plan"]
    scale = env["data_scales"][env["headline_scale"]]
    steady = env.get("server_core_steadiness") or {"seconds": 0}
    lines = [f"# make bench: {env['created_utc']}", ""]
    if document["quick"]:
        lines += [
            "> **QUICK run**: smaller data, short windows, one repeat. Not fit for verdicts.",
            "",
        ]
    data = ", ".join(f"{count:,} {name}" for name, count in scale["counts"].items())
    engines = ", ".join(f"{twin}: {version}" for twin, version in env["database_versions"].items())
    lines += [
        f"- Machine: {env['machine']['cpu_model']}, {env['machine']['cores']} cores, "
        f"{env['machine']['memory_gib']} GiB; server pinned to CPU {env['cpu_layout']['server']}, "
        f"locust to CPU {env['cpu_layout']['generator']}.",
        f"- Database: {env['database_engine']} ({engines}); data: {data}.",
        f"- Load average (1, 5, 15 min) at start {load(env, 'start')}, at end {load(env, 'end')}:"
        " other processes on the machine add noise.",
        f"- gunicorn {env['gunicorn']['worker_class']}, {env['gunicorn']['workers']} workers per "
        f"server core; DEBUG off; {plan['users']} closed-loop users (FastHttpUser) unless swept.",
        f"- Each run: fresh copy of the snapshot, {plan['warmup_s']:g} s warm-up, "
        f"{plan['window_s']:g} s measured window; {plan['repeats']} repeat(s) per headline figure.",
        f"- Steadiness of the server core ({steady['seconds']:g} s of fixed Python work on it"
        f" before the load runs): {describe(steady)}. Slow chunks and far-apart blocks are noise"
        " from outside the benchmark, which every figure below carries.",
        f"- Commit {env['git']['commit'][:12]}{' (dirty tree)' if env['git']['dirty'] else ''}; "
        f"wall time {document['wall_time_s'] / 60:.1f} min.",
        "",
    ]
    return lines


def write_summary(document: dict, path: Path) -> None:
    lines = header_lines(document)
    lines += instruction_lines(document.get("instructions"))
    lines += interleaved_lines(
        document.get("interleaved"), document["figures"], document.get("instructions")
    )
    lines += breakdown_lines(document.get("instructions"))
    lines += apps_lines(document.get("apps"))
    lines += headline_lines(document) + sweep_lines(document)
    lines += query_lines(document) + startup_lines(document)
    lines += ["## Size", "", *loc_tables(document["loc"])]
    lines += ["### Footprint (runtime packages, from importlib.metadata)", ""]
    lines += footprint_table(document["footprint"])
    lines += ["## Unavailable figures and limits", ""]
    lines += [f"- {note}" for note in document["unavailable"]] or ["- none"]
    lines += ["", "Raw data: raw/ (locust CSVs, window snapshots, logs), figures.json, plots/."]
    path.write_text("\n".join(lines) + "\n")
