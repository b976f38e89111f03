"""`python -m benchmarks.instructions [--quick] [--twins django,flask]`: count, print, save JSON."""

import argparse
import json
import os
import secrets
import sys
import time
from pathlib import Path

from benchmarks.instructions.measure import measure_instructions
from benchmarks.instructions.results import InstructionResults
from benchmarks.load.plan import make_plan
from benchmarks.load.snapshots import SnapshotStore
from launcher import ROOT


def table(results: InstructionResults) -> str:
    """Millions of instructions per request, each twin, and Flask/Django."""
    names = [twin.twin for twin in results.twins]
    kind_ratio = {ratio.label: ratio.flask_over_django for ratio in results.kind_ratios}
    mix_ratio = {ratio.label: ratio.flask_over_django for ratio in results.mix_ratios}
    labels = list(dict.fromkeys(c.label for twin in results.twins for c in twin.counts))
    width = max(len(label) for label in labels) + 2
    lines = [f"{'request kind':<{width}}" + "".join(f"{n:>10}" for n in names) + "  flask/django"]
    for label in labels:
        cells = [twin.count(label) for twin in results.twins]
        row = "".join(f"{c.per_request / 1e6:>9.2f}M" if c else f"{'-':>10}" for c in cells)
        ratio = f"{kind_ratio[label]:>13.3f}" if label in kind_ratio else ""
        lines.append(f"{label:<{width}}{row} {ratio}")
    lines.append("")
    lines.append(f"{'scenario mix':<{width}}" + "".join(f"{n:>10}" for n in names))
    scenarios = list(dict.fromkeys(m.scenario for twin in results.twins for m in twin.mixes))
    for scenario in scenarios:
        values = [{m.scenario: m for m in twin.mixes}.get(scenario) for twin in results.twins]
        row = "".join(f"{m.per_request / 1e6:>9.2f}M" if m else f"{'-':>10}" for m in values)
        ratio = f"{mix_ratio[scenario]:>13.3f}" if scenario in mix_ratio else ""
        lines.append(f"{scenario:<{width}}{row} {ratio}")
    return "\n".join(lines)


def breakdown_text(results: InstructionResults, labels: tuple[str, ...]) -> str:
    lines = []
    for twin in results.twins:
        for page in twin.breakdowns:
            if page.label not in labels:
                continue
            lines.append(f"\n{twin.twin} · {page.label}")
            for title, parts in (("object", page.by_object), ("layer", page.by_layer)):
                cells = ", ".join(f"{p.part} {p.per_request / 1e6:.2f}M" for p in parts[:8])
                lines.append(f"  by {title}: {cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.instructions")
    parser.add_argument("--quick", action="store_true", help="1,000 articles, smaller batches")
    parser.add_argument("--twins", default="django,flask")
    parser.add_argument("--out", type=Path, default=None, help="directory for the JSON and raw/")
    options = parser.parse_args(argv)
    twins = [name.strip() for name in options.twins.split(",") if name.strip()]
    scale = make_plan(options.quick, 1).large
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = options.out or ROOT / "benchmarks" / "results" / f"instructions-{stamp}"
    out.mkdir(parents=True, exist_ok=True)
    store = SnapshotStore(os.environ.get("BENCH_DATABASE_URL") or None)
    for twin in twins:
        if not store.exists(twin, scale):
            print(f"loading {scale.articles:,} articles into a snapshot: {twin}", file=sys.stderr)
            store.build(twin, scale)

    def progress(label: str) -> None:
        print(f"  counted {label}", file=sys.stderr, flush=True)

    results = measure_instructions(
        twins, scale, store, secrets.token_urlsafe(50), out / "raw", options.quick, progress
    )
    (out / "instructions.json").write_text(json.dumps(results.to_json(), indent=1))
    print(table(results))
    print(breakdown_text(results, ("home · signed out", "API articles · signed out")))
    print(f"\n{results.valgrind}; {results.wall_s:.0f} s; written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
