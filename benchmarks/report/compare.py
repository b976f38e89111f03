"""Do two invocations agree? python -m benchmarks.report.compare RUN_A RUN_B [--tolerance 5].

Reads each run's versioned record and, per headline scenario, compares the Flask/Django ratio of
server CPU per request (the median of the per-repeat ratios): the runs agree on a scenario when
the two ratios differ by at most the tolerance, relative to the first run's ratio. Exit status 0
when every scenario agrees, 1 if not.
"""

import argparse
import json
import sys
from pathlib import Path

from benchmarks.report.record import RESULTS, SCHEMA, SCHEMA_VERSION

FIGURE = "server_cpu_ms_per_request"
DEFAULT_TOLERANCE_PCT = 5.0


def load_record(location: str) -> dict:
    """A run's record from its directory, its timestamp under benchmarks/results, or the file."""
    path = Path(location)
    if not path.exists():
        path = RESULTS / location
    if path.is_dir():
        path = path / f"{SCHEMA}-v{SCHEMA_VERSION}.json"
    record = json.loads(path.read_text())
    if record.get("schema") != SCHEMA or record.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"{path}: not a {SCHEMA}-v{SCHEMA_VERSION} record")
    record["_path"] = str(path)
    return record


def scenario_ratio(record: dict, scenario: str) -> float | None:
    entry = record["figures"].get(scenario, {}).get("flask_over_django", {}).get(FIGURE)
    return entry.get("paired_median") if entry else None


def agreement(first: dict, second: dict, tolerance_pct: float) -> list[dict]:
    """One row per scenario measured in either run: both ratios, their difference, agreement."""
    rows = []
    for scenario in dict.fromkeys([*first["figures"], *second["figures"]]):
        a, b = scenario_ratio(first, scenario), scenario_ratio(second, scenario)
        difference = abs(b - a) / a * 100 if a and b is not None else None
        unfit = sorted(
            {
                *first["figures"].get(scenario, {}).get("unfit_reasons", ["missing"]),
                *second["figures"].get(scenario, {}).get("unfit_reasons", ["missing"]),
            }
        )
        rows.append(
            {
                "scenario": scenario,
                "first": a,
                "second": b,
                "difference_pct": difference,
                "agrees": difference is not None and difference <= tolerance_pct,
                "unfit_reasons": unfit,
            }
        )
    return rows


def render(rows: list[dict], tolerance_pct: float) -> str:
    def number(value, digits=3):
        return "n/a" if value is None else f"{value:.{digits}f}"

    lines = [
        f"Flask/Django server CPU per request; agreement within {tolerance_pct:g}%",
        "",
        "| scenario | first run | second run | difference % | agrees | unfit for a verdict |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['scenario']} | {number(row['first'])} | {number(row['second'])} "
            f"| {number(row['difference_pct'], 1)} | {'yes' if row['agrees'] else 'NO'} "
            f"| {'; '.join(row['unfit_reasons']) or '-'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.report.compare", description=__doc__
    )
    parser.add_argument("first", help="results directory, its timestamp, or the JSON record")
    parser.add_argument("second")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE_PCT, metavar="PCT")
    options = parser.parse_args(argv)
    first, second = load_record(options.first), load_record(options.second)
    rows = agreement(first, second, options.tolerance)
    print(f"first:  {first['_path']}\nsecond: {second['_path']}\n")
    print(render(rows, options.tolerance))
    agree = all(row["agrees"] for row in rows)
    print(f"\n{'All scenarios agree.' if agree else 'Some scenarios disagree.'}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
