"""Do a run's SQL counts match shared_spec/query-counts.yaml, and is every difference explained?"""

from pathlib import Path

import yaml

SPEC = Path(__file__).resolve().parents[2] / "shared_spec" / "query-counts.yaml"
TWIN_COLUMNS = {"django": 0, "flask": 1}


def load(path: Path = SPEC) -> dict:
    return yaml.safe_load(path.read_text())


def unexplained(spec: dict) -> list[str]:
    """Entries where the twins' expected counts differ without a known reason, and vice versa."""
    problems = []
    for page, by_user in spec["pages"].items():
        for who, entry in by_user.items():
            django, flask, _status, *why = entry
            if django != flask and (not why or why[0] not in spec["reasons"]):
                problems.append(f"{page} ({who}): {django} vs {flask} without a known reason")
            if django == flask and why:
                problems.append(f"{page} ({who}): a reason given for equal counts")
    return problems


def mismatches(twin: str, counts: dict, spec: dict) -> list[str]:
    """Where one twin's measured counts ({page: {who: {queries, status}}}) differ from the file."""
    column = TWIN_COLUMNS[twin]
    problems = []
    for page, by_user in spec["pages"].items():
        for who, entry in by_user.items():
            seen = counts.get(page, {}).get(who)
            expected = (entry[column], entry[2])
            if seen is None:
                problems.append(f"{page} ({who}): not measured")
            elif (seen["queries"], seen["status"]) != expected:
                problems.append(
                    f"{page} ({who}): {seen['queries']} ({seen['status']}),"
                    f" expected {expected[0]} ({expected[1]})"
                )
    problems += [
        f"{page} ({who}): measured but not in {SPEC.name}"
        for page, by_user in counts.items()
        for who in by_user
        if who not in spec["pages"].get(page, {})
    ]
    return problems


def check(by_twin: dict, spec: dict | None = None) -> dict:
    """Per twin and data scale, the mismatches (empty: as the file says); plus the file's own."""
    spec = spec or load()
    return {
        "file": f"shared_spec/{SPEC.name}",
        "unexplained_differences": unexplained(spec),
        "mismatches": {
            twin: {
                scale: mismatches(twin, data["counts"], spec)
                for scale, data in by_scale.items()
                if data["counts"]
            }
            for twin, by_scale in by_twin.items()
            if twin in TWIN_COLUMNS
        },
    }
