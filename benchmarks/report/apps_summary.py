"""summary.md's app comparisons: the extension ladder, middleware, template engines, floors."""

from benchmarks.report.methods_summary import interval, millions, percent
from benchmarks.report.report_tables import number, table

TITLES = {
    "flask-ladder": "Flask extension ladder (PERF-4): one page, the extensions added in turn",
    "django-middleware": "Django middleware (PERF-5): none, startproject's seven, the twin's own",
    "template-engines": "Template engine apart (TMPL): Django twin pages by DTL and by Jinja2",
    "hello-worlds": "Hello-worlds beside a plain WSGI app, under the same gunicorn settings",
    "floors": "The raw WSGI floor and both twins on the reader pages",
}


def ratios_by_target(comparison: dict) -> dict[str, dict]:
    interleaved = comparison.get("interleaved") or {}
    return {entry["target"]: entry for entry in interleaved.get("ratios", [])}


def comparison_lines(comparison: dict) -> list[str]:
    """One table: instructions per request per target and request, steps, interleaved CPU."""
    labels, baseline = comparison["requests"], comparison["baseline"]
    targets = comparison["targets"]
    ratios = ratios_by_target(comparison)
    first = labels[0]
    final = targets[-1]["instructions"].get(first)
    ladder = comparison["name"] == "flask-ladder"
    step_title = (
        f"step on {first}: M instr (share of the last)"
        if ladder
        else f"above {baseline} on {first}: M instr"
    )
    headers = ["target", *(f"{label}: M instr" for label in labels)]
    headers += [step_title, "CPU ms/req (interleaved)", f"CPU / {baseline} (interleaved)"]
    base = next((t["instructions"].get(first) for t in targets if t["name"] == baseline), None)
    rows, previous = [], None
    for target in targets:
        counts = target["instructions"]
        if target.get("error"):
            rows.append([target["name"], f"failed: {target['error'][-120:]}"])
            continue
        here = counts.get(first)
        if ladder:
            step = None if previous is None or here is None else here - previous
            share = None if step is None or not final else step / final
            step_text = "—" if step is None else f"{step / 1e6:+,.2f} ({percent(share)})"
        else:
            missing = here is None or base is None or target["name"] == baseline
            step_text = "—" if missing else f"{(here - base) / 1e6:+,.2f}"
        ratio = (
            "1 (baseline)" if target["name"] == baseline else interval(ratios.get(target["name"]))
        )
        rows.append([
            target["name"], *(millions(counts.get(label)) for label in labels), step_text,
            number(target.get("cpu_ms_per_request"), 3), ratio,
        ])  # fmt: skip
        previous = here
    lines = [f"### {TITLES.get(comparison['name'], comparison['name'])}", ""]
    return lines + table(headers, rows)


def floor_lines(comparison: dict) -> list[str]:
    """Each twin's instructions above the floor, page by page."""
    by_name = {target["name"]: target["instructions"] for target in comparison["targets"]}
    floor = by_name.get(comparison["baseline"], {})
    rows = []
    for label in comparison["requests"]:
        cells = [millions(floor.get(label))]
        for twin in ("django", "flask"):
            value, base = by_name.get(twin, {}).get(label), floor.get(label)
            above = None if value is None or base is None else value - base
            cells += [
                millions(above),
                "n/a" if above is None or not base else f"{value / base:.1f}x",
            ]
        rows.append([label, *cells])
    headers = ["page", "floor M instr", "Django above the floor", "Django / floor",
               "Flask above the floor", "Flask / floor"]  # fmt: skip
    return [
        "#### Each twin's cost above the floor (instructions per request)",
        "",
        *table(headers, rows),
    ]


def apps_lines(section: dict | None) -> list[str]:
    lines = ["## App comparisons (both methods)", ""]
    if not section:
        return [*lines, "Not measured in this invocation.", ""]
    if "unavailable" in section:
        return [*lines, f"Unavailable: {section['unavailable']}", ""]
    lines += [
        "Instructions per request counted in-process under valgrind, as for the twins; CPU per"
        " request timed with every target of a comparison served at once on the server core and"
        " the load alternating between them (the `paths` scenario, signed out).", "",
    ]  # fmt: skip
    for comparison in section["comparisons"]:
        lines += comparison_lines(comparison)
        if comparison["name"] == "floors":
            lines += floor_lines(comparison)
    return lines
