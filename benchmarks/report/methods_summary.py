"""summary.md's verdict-grade sections: instruction counts, interleaved timing, their agreement."""

import math

from benchmarks.report.report_tables import number, table

TWINS = ("django", "flask")


def ratio(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def millions(value: float | None) -> str:
    return "n/a" if value is None else f"{value / 1e6:,.2f}"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def interval(entry: dict | None) -> str:
    """'median [low, high]' of an interleaved ratio with its bootstrap 95% interval."""
    if not entry or entry.get("median") is None:
        return "n/a"
    low, high = entry.get("low"), entry.get("high")
    if low is None or high is None:
        return f"{entry['median']:.3f}"
    return f"{entry['median']:.3f} [{low:.3f}, {high:.3f}]"


def direction(value: float | None) -> int | None:
    """-1 when Flask costs less than Django, +1 when more, 0 within 1% of even."""
    if value is None or value <= 0:
        return None
    logged = math.log(value)
    return 0 if abs(logged) < math.log(1.01) else (1 if logged > 0 else -1)


def agree_in_direction(*values: float | None) -> str:
    directions = [direction(value) for value in values]
    if any(found is None for found in directions):
        return "n/a"
    return "yes" if len(set(directions)) == 1 else "NO"


def unavailable(title: str, section: dict | None) -> list[str] | None:
    if not section:
        return [f"## {title}", "", "Not measured in this invocation.", ""]
    if "unavailable" in section:
        return [f"## {title}", "", f"Unavailable: {section['unavailable']}", ""]
    return None


def per_twin(section: dict, key: str, label_key: str) -> dict[str, dict[str, float]]:
    """{label: {twin: instructions per request}} from the twins' counts or mixes."""
    found: dict[str, dict[str, float]] = {}
    for twin in section.get("twins", []):
        for entry in twin.get(key, []):
            found.setdefault(entry[label_key], {})[twin["twin"]] = entry["per_request"]
    return found


def instruction_lines(section: dict | None) -> list[str]:
    title = "Instructions per request (valgrind, in-process through the WSGI app)"
    missing = unavailable(title, section)
    if missing:
        return missing
    lines = [f"## {title}", "", f"- Method: {section.get('method', '')}"]
    lines += [f"- Counts {section['includes']}.", f"- Leaves out {section['leaves_out']}.", ""]
    headers = ["request (who)", "Django M instr", "Flask M instr", "Flask / Django"]
    pages = section["ratios"]["pages"]
    rows = [
        [label, millions(by.get("django")), millions(by.get("flask")), ratio(pages.get(label))]
        for label, by in per_twin(section, "counts", "label").items()
    ]
    lines += table(headers, rows)
    mixes = section["ratios"]["scenarios"]
    rows = [
        [name, millions(by.get("django")), millions(by.get("flask")), ratio(mixes.get(name))]
        for name, by in per_twin(section, "mixes", "scenario").items()
    ]
    lines += ["### Each scenario's request mix (instructions per request)", ""]
    return lines + table(["scenario", *headers[1:]], rows)


def breakdown_lines(section: dict | None) -> list[str]:
    """Where the instructions go on the pages broken down: by Python layer, by native object."""
    if not section or "unavailable" in section:
        return []
    pages: dict[str, dict[str, dict]] = {}
    for twin in section.get("twins", []):
        for entry in twin.get("breakdowns", []):
            pages.setdefault(entry["label"], {})[twin["twin"]] = entry
    lines = ["## Where the instructions go", ""]
    for page, by_twin in pages.items():
        for part, title in (("by_layer", "by layer (profile shares applied to the count)"),
                            ("by_object", "by native object (callgrind)")):  # fmt: skip
            names = list(dict.fromkeys(
                row["part"] for twin in by_twin.values() for row in twin.get(part, [])
            ))  # fmt: skip
            rows = []
            for name in names:
                cells = []
                for twin in TWINS:
                    row = next(
                        (r for r in by_twin.get(twin, {}).get(part, []) if r["part"] == name), None
                    )
                    cells.append(
                        "—"
                        if row is None
                        else f"{millions(row['per_request'])} ({percent(row['share'])})"
                    )
                rows.append([name, *cells])
            lines += [f"### {page}: M instructions per request {title}", ""]
            lines += table(["part", "Django", "Flask"], rows)
    return lines


def interleaved_lines(
    section: dict | None, sequential: dict, instructions: dict | None
) -> list[str]:
    """Interleaved CPU ratio with its interval beside the other methods, and their direction."""
    title = "Server CPU per request, twins timed interleaved on one core"
    missing = unavailable(title, section)
    if missing:
        return missing
    lines = [
        f"## {title}", "",
        f"Both twins served at once on the same pinned core; the generator alternates between them"
        f" in windows of {section['window_s']:g} s for {section['measured_s']:g} s per scenario"
        f" after {section['warmup_s']:g} s of warm-up, {section['users']} users. Ratio: median of"
        " per-pair ratios with its bootstrap 95% interval. *Sequential* is the median of the"
        " per-repeat ratios of the one-after-the-other runs below (reported as such).", "",
    ]  # fmt: skip
    mixes = ((instructions or {}).get("ratios") or {}).get("scenarios", {})
    rows = []
    for name, entry in section["scenarios"].items():
        by_target = entry.get("by_target", {})
        interleaved = (entry.get("ratio") or {}).get("median")
        found = (sequential.get(name) or {}).get("flask_over_django") or {}
        sequential_ratio = (found.get("server_cpu_ms_per_request") or {}).get("paired_median")
        rows.append([
            name, number(by_target.get("django"), 3), number(by_target.get("flask"), 3),
            interval(entry.get("ratio")), (entry.get("ratio") or {}).get("pairs", "n/a"),
            ratio(mixes.get(name)), ratio(sequential_ratio),
            agree_in_direction(mixes.get(name), interleaved),
        ])  # fmt: skip
    headers = [
        "scenario", "Django CPU ms/req", "Flask CPU ms/req", "interleaved Flask/Django",
        "pairs", "instructions Flask/Django", "sequential Flask/Django",
        "instructions and interleaved agree in direction",
    ]  # fmt: skip
    return [*lines, *table(headers, rows)]
