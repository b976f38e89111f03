"""Read locust's CSV output: the aggregated request figures, each endpoint's, and the failures."""

import csv
from pathlib import Path


def number(text: str) -> float | None:
    return None if text in ("", "N/A") else float(text)


def row_figures(row: dict[str, str]) -> dict:
    return {
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "rps": float(row["Requests/s"]),
        "mean_ms": number(row["Average Response Time"]),
        "p50_ms": number(row["50%"]),
        "p95_ms": number(row["95%"]),
        "p99_ms": number(row["99%"]),
    }


def read_stats(path: Path) -> dict:
    """Aggregated figures of a `--csv PREFIX` run's PREFIX_stats.csv, and each endpoint's."""
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    aggregated = [row for row in rows if row["Name"] == "Aggregated"]
    if len(aggregated) != 1:
        raise ValueError(f"{path}: expected one Aggregated row, found {len(aggregated)}")
    endpoints = {
        f"{row['Type']} {row['Name']}": row_figures(row)
        for row in rows
        if row["Name"] != "Aggregated"
    }
    return {**row_figures(aggregated[0]), "endpoints": endpoints}


def read_failures(path: Path) -> list[dict]:
    """Each distinct failure locust saw (method, name, error, occurrences)."""
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return [
            {
                "endpoint": f"{row['Method']} {row['Name']}",
                "error": row["Error"],
                "occurrences": int(row["Occurrences"]),
            }
            for row in csv.DictReader(handle)
        ]
