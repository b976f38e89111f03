"""Do two invocations agree? python -m benchmarks.report.compare RUN_A RUN_B.

Reads each run's versioned record and compares its Flask/Django ratios method by method:
- instructions per request (valgrind), per page and per scenario: agreement within 0.5%;
- server CPU per request timed interleaved, per scenario (median of per-pair ratios): within 3%;
- server CPU per request of the sequential runs, per scenario: within 5%, shown for reference only,
  since a slow spell of the machine between two sequential runs moves it.
A row agrees when the two ratios differ by at most its tolerance, relative to the first run's.
Exit status 0 when every row of the first two methods agrees, 1 if not.
"""

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.report.record import RESULTS, SCHEMA, SCHEMA_VERSION

TOLERANCE_PCT = {"instructions": 0.5, "interleaved": 3.0, "sequential": 5.0}
DECIDING = ("instructions", "interleaved")


@dataclass(frozen=True)
class Row:
    method: str
    item: str
    first: float | None
    second: float | None
    tolerance_pct: float

    @property
    def difference_pct(self) -> float | None:
        if not self.first or self.second is None:
            return None
        return abs(self.second - self.first) / self.first * 100

    @property
    def agrees(self) -> bool:
        difference = self.difference_pct
        return difference is not None and difference <= self.tolerance_pct


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


def ratios(record: dict, method: str) -> dict[str, float | None]:
    """{item: Flask/Django ratio} of one method in one record."""
    if method == "instructions":
        section = record.get("instructions") or {}
        found = section.get("ratios") or {}
        pages = {f"page: {label}": value for label, value in (found.get("pages") or {}).items()}
        mixes = {
            f"scenario: {name}": value for name, value in (found.get("scenarios") or {}).items()
        }
        return {**pages, **mixes}
    if method == "interleaved":
        scenarios = (record.get("interleaved") or {}).get("scenarios") or {}
        return {name: (entry.get("ratio") or {}).get("median") for name, entry in scenarios.items()}
    figures = record.get("figures") or {}
    return {
        name: ((entry.get("flask_over_django") or {}).get("server_cpu_ms_per_request") or {}).get(
            "paired_median"
        )
        for name, entry in figures.items()
    }


def agreement(first: dict, second: dict, tolerances: dict[str, float] | None = None) -> list[Row]:
    """One row per method and item measured in either run."""
    tolerances = {**TOLERANCE_PCT, **(tolerances or {})}
    rows = []
    for method, tolerance in tolerances.items():
        a, b = ratios(first, method), ratios(second, method)
        for item in dict.fromkeys([*a, *b]):
            rows.append(Row(method, item, a.get(item), b.get(item), tolerance))
    return rows


def render(rows: list[Row]) -> str:
    def number(value, digits=4):
        return "n/a" if value is None else f"{value:.{digits}f}"

    lines = [
        "| method | item | first run | second run | difference % | tolerance % | agrees |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        agrees = "yes" if row.agrees else "NO"
        if row.method not in DECIDING:
            agrees += " (reference)"
        lines.append(
            f"| {row.method} | {row.item} | {number(row.first)} | {number(row.second)} "
            f"| {number(row.difference_pct, 2)} | {row.tolerance_pct:g} | {agrees} |"
        )
    return "\n".join(lines)


def verdict(rows: list[Row]) -> bool:
    """Whether the deciding methods agree on every item (and measured at least one)."""
    deciding = [row for row in rows if row.method in DECIDING]
    return bool(deciding) and all(row.agrees for row in deciding)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.report.compare", description=__doc__
    )
    parser.add_argument("first", help="results directory, its timestamp, or the JSON record")
    parser.add_argument("second")
    options = parser.parse_args(argv)
    first, second = load_record(options.first), load_record(options.second)
    rows = agreement(first, second)
    print(f"first:  {first['_path']}\nsecond: {second['_path']}\n")
    print(render(rows))
    agree = verdict(rows)
    message = "Both methods agree on every item." if agree else "Some items disagree."
    print(f"\n{message} (sequential rows are shown for reference and do not decide)")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
