"""`python -m benchmarks.instructions.compare A.json B.json`: do two counts agree per request?"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

TOLERANCE = 0.005


@dataclass(frozen=True)
class Difference:
    twin: str
    label: str
    first: float
    second: float

    @property
    def relative(self) -> float:
        return abs(self.second - self.first) / self.first if self.first else 0.0


def figures(record: dict) -> dict[tuple[str, str], float]:
    """(twin, kind or scenario) -> instructions per request, from an instructions.json."""
    found = {}
    for twin in record["twins"]:
        for count in twin["counts"]:
            found[(twin["twin"], count["label"])] = count["batch_instructions"] / count["requests"]
        for mix in twin["mixes"]:
            found[(twin["twin"], f"mix {mix['scenario']}")] = mix["per_request"]
    return found


def differences(first: dict, second: dict) -> list[Difference]:
    """Every figure both records hold, largest relative difference first."""
    a, b = figures(first), figures(second)
    found = [
        Difference(twin, label, a[key], b[key]) for key in a if key in b for twin, label in [key]
    ]
    return sorted(found, key=lambda d: -d.relative)


def main(argv: list[str]) -> int:
    first, second = (json.loads(Path(path).read_text()) for path in argv[:2])
    found = differences(first, second)
    for diff in found[:15]:
        change = f"{diff.first:,.0f} -> {diff.second:,.0f}"
        print(f"{diff.relative:8.4%}  {diff.twin:<7} {diff.label}  {change}")
    worst = found[0].relative if found else 0.0
    print(f"{len(found)} figures; worst difference {worst:.4%} (tolerance {TOLERANCE:.1%})")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
