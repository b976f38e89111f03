"""Run experiments, each one's figures written as JSON: `python -m benchmarks.evidence.runner NAME`.

`<out>/figures/<NAME>.json` holds the figures, the versions they were measured with, the notes,
the command that reproduces them, the wall time and whether the run was quick.
"""

import argparse
import json
import shutil
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.experiments import all_experiments
from launcher import ROOT

WORK = ROOT / "var" / "evidence" / "work"
RESULTS = ROOT / "benchmarks" / "results"


def command_for(name: str, quick: bool) -> str:
    return f"python -m benchmarks.evidence.runner {name}" + (" --quick" if quick else "")


def run_experiment(module: ModuleType, out: Path, quick: bool, say=print) -> dict:
    """Run one experiment, write its JSON record and return it (figures empty if it failed)."""
    work = WORK / module.NAME
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    began = time.monotonic()
    record = {"experiment": module.NAME, "title": module.TITLE, "quick": quick,
              "command": command_for(module.NAME, quick),
              "started": datetime.now(UTC).isoformat(timespec="seconds")}  # fmt: skip
    try:
        outcome: Outcome = module.run(Context(work=work, out=out, quick=quick, say=say))
        unknown = sorted(set(outcome.figures) - set(module.FIGURES))
        if unknown:
            raise ValueError(f"figures not declared in FIGURES: {', '.join(unknown)}")
        record.update(status="ok", figures=outcome.figures, versions=outcome.versions,
                      notes=outcome.notes, plots=outcome.plots)  # fmt: skip
    except Exception as error:  # one failed experiment leaves the others' figures standing
        record.update(status="error", figures={}, versions={}, plots={},
                      notes=[f"{type(error).__name__}: {error}"],
                      traceback=traceback.format_exc()[-4000:])  # fmt: skip
    record["wall_s"] = round(time.monotonic() - began, 2)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    (out / "figures" / f"{module.NAME}.json").write_text(json.dumps(record, indent=1, default=str))
    return record


def main(argv: list[str] | None = None) -> int:
    experiments = all_experiments()
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evidence.runner")
    parser.add_argument("names", nargs="+", choices=sorted(experiments))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    options = parser.parse_args(argv)
    out = options.out or RESULTS / f"experiments-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    failed = 0
    for name in options.names:
        record = run_experiment(experiments[name], out, options.quick)
        print(json.dumps({key: record[key] for key in ("status", "figures", "notes", "wall_s")},
                         indent=1, default=str))  # fmt: skip
        failed += record["status"] != "ok"
    print(f"written to {out / 'figures'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
