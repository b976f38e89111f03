"""The bench's verdict-grade figures: instruction counts, interleaved CPU ratios, ladders, floors.

Reads the newest `make bench` record (twins-bench-v2.json) of the commit being judged, or runs the
bench when there is none (QUICK: `make bench QUICK=1`; a full run needs a full record).
"""

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.experiments import _bench_figures as figures_of
from benchmarks.load.plan import cpu_layout, make_plan
from benchmarks.report.environment import git_state
from benchmarks.report.record import RESULTS, SCHEMA, SCHEMA_VERSION
from launcher import ROOT

NAME = "bench"
TITLE = "`make bench`: instructions per request, interleaved server CPU, ladders and floors"
ESTIMATE_S = (300, 2100)  # when estimate_s() cannot ask the bench's own plan
FIGURES = figures_of.FIGURES
RECORD = f"{SCHEMA}-v{SCHEMA_VERSION}.json"


def reusable_record(quick: bool, commit: str, results: Path = RESULTS) -> Path | None:
    """The newest record of this commit, full, or either kind when quick is enough."""
    for path in sorted(results.glob(f"*/{RECORD}"), reverse=True):
        try:
            record = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        if record["environment"]["git"]["commit"] == commit and (quick or not record["quick"]):
            return path
    return None


def estimate_s(quick: bool) -> float:
    """A few seconds with a record to reuse; otherwise the bench's own estimate (data built)."""
    if reusable_record(quick, git_state()["commit"]):
        return 5
    plan = make_plan(quick, len(cpu_layout()[0]))
    return plan.estimate_seconds(plan.load_runs(["django", "flask"]), 0)


def run(context: Context) -> Outcome:
    commit = git_state()["commit"]
    path = reusable_record(context.quick, commit)
    notes = []
    if path is None:
        context.say(f"  no bench record of {commit[:12]}: running make bench"
                    + (" QUICK=1" if context.quick else ""))  # fmt: skip
        command = [sys.executable, "-m", "benchmarks", *(["--quick"] if context.quick else [])]
        subprocess.run(command, cwd=ROOT, check=True, timeout=3 * 3600)
        path = reusable_record(context.quick, commit)
        if path is None:
            raise RuntimeError("make bench finished without a record of this commit")
    else:
        notes.append(f"reused the bench record {path.parent.name} of the same commit")
    record = json.loads(path.read_text())
    values, more_notes, plots = figures_of.extract(record, path.parent)
    notes += more_notes
    if record["quick"]:
        notes.append("a QUICK bench record: its figures are not fit for verdicts")
    versions = figures_of.versions(record)
    return Outcome(values, versions, notes, plots)
