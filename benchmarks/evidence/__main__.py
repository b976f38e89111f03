"""`make evidence`: python -m benchmarks.evidence [--quick] [--only NAME,...] — run, judge, report.

Runs every experiment (the bench first, reusing a bench record of the same commit when there is
one), judges every claim of shared_spec/claims.yaml by its rule, and writes
benchmarks/results/evidence-<time>/ (figures/, raw/, evidence.md, evidence.html); a full run also
rewrites EVIDENCE.md at the root of the repository.
"""

import argparse
import os
import platform
import time
from datetime import UTC, datetime

from benchmarks.evidence.experiments import all_experiments
from benchmarks.evidence.html_check import page_problems
from benchmarks.evidence.registry import load, unknown_figures
from benchmarks.evidence.report_html import evidence_html
from benchmarks.evidence.report_md import count_line, evidence_md, evidence_summary_md
from benchmarks.evidence.runner import RESULTS, run_experiment
from benchmarks.evidence.verdicts import judge, read_records
from benchmarks.progress import clock
from benchmarks.report.environment import cpu_model, git_state, memory_gib
from launcher import ROOT

FIRST = ("bench",)  # the load-sensitive measurement runs while the machine is quietest


def say(message: str) -> None:
    print(message, flush=True)


def estimate(module, quick: bool) -> float:
    planned = getattr(module, "estimate_s", None)
    return planned(quick) if planned else module.ESTIMATE_S[0 if quick else 1]


def merged_versions(records: dict) -> dict[str, str]:
    found: dict[str, set] = {}
    for record in records.values():
        for name, version in record.get("versions", {}).items():
            found.setdefault(name, set()).add(str(version))
    return {name: " / ".join(sorted(versions)) for name, versions in found.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evidence", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="at most 10 minutes, provisional")
    parser.add_argument("--only", help="comma-separated experiments (the others are not run)")
    options = parser.parse_args(argv)
    began = time.monotonic()
    git = git_state()
    registry, experiments = load(), all_experiments()
    declared = {f"{name}.{figure}" for name, module in experiments.items()
                for figure in module.FIGURES}  # fmt: skip
    wrong = {claim.id: unknown_figures(claim, declared) for claim in registry.claims.values()}
    wrong = {claim_id: names for claim_id, names in wrong.items() if names}
    if wrong:
        parser.error(f"rules name figures no experiment produces: {wrong}")
    chosen = options.only.split(",") if options.only else sorted(
        experiments, key=lambda name: (name not in FIRST, name))  # fmt: skip
    planned = {name: estimate(experiments[name], options.quick) for name in chosen}
    say(f"evidence{' (QUICK)' if options.quick else ''}: {len(chosen)} experiments, "
        f"{len(registry.claims)} claims; estimated {clock(sum(planned.values()))} "
        f"(m:ss) on a 2-core machine")  # fmt: skip
    out = RESULTS / f"evidence-{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    for index, name in enumerate(chosen, 1):
        left = sum(planned[other] for other in chosen[index - 1 :])
        say(f"[{index}/{len(chosen)}] {name} (about {clock(planned[name])}; "
            f"elapsed {clock(time.monotonic() - began)}, left ~{clock(left)})")  # fmt: skip
        record = run_experiment(experiments[name], out, options.quick, say=lambda m: say(f"  {m}"))
        say(f"  {record['status']} in {clock(record['wall_s'])}"
            + ("" if record["status"] == "ok" else f": {record['notes'][0]}"))  # fmt: skip
    records = read_records(out)
    results = judge(registry, records)
    context = {
        "created_utc": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": git["commit"], "dirty": git["dirty"], "quick": options.quick,
        "machine": {"cpu_model": cpu_model(), "cores": os.cpu_count(), "memory_gib": memory_gib()},
        "python": platform.python_version(), "versions": merged_versions(records),
        "wall_s": time.monotonic() - began,
    }  # fmt: skip
    (out / "evidence.md").write_text(evidence_md(results, registry, context))
    (out / "evidence.html").write_text(evidence_html(results, registry, context))
    problems = page_problems(out / "evidence.html")
    say("evidence.html in Chromium: " + ("no console error, no broken link" if not problems
                                          else "; ".join(problems)))  # fmt: skip
    if not options.quick and not options.only:
        (ROOT / "EVIDENCE.md").write_text(evidence_summary_md(results, context))
        say("EVIDENCE.md rewritten")
    say(f"verdicts: {count_line(results)}")
    say(f"wall {clock(context['wall_s'])}; report: {out / 'evidence.md'} and evidence.html")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
