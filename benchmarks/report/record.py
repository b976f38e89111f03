"""Where an invocation writes: benchmarks/results/<timestamp>/ with raw/, plots/ and JSON files."""

import json
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "results"
SCHEMA = "twins-bench"
SCHEMA_VERSION = 2


def results_dir() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    directory = RESULTS / stamp
    (directory / "raw").mkdir(parents=True)
    (directory / "plots").mkdir()
    latest = RESULTS / "latest"
    if latest.is_symlink() or not latest.exists():
        latest.unlink(missing_ok=True)
        latest.symlink_to(stamp)
    return directory


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=False, default=str) + "\n")


def versioned_record(directory: Path, document: dict) -> Path:
    """The one file per run that other tools read: figures keyed by method, scenario and twin."""
    path = directory / f"{SCHEMA}-v{SCHEMA_VERSION}.json"
    write_json(path, {**document, "schema": SCHEMA, "schema_version": SCHEMA_VERSION})
    return path
