"""Every claim's verdict from one run's experiment records (`<run>/figures/<experiment>.json`)."""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.evidence.registry import Claim, Registry
from benchmarks.evidence.rules import VERDICTS, Verdict, evaluate


@dataclass
class ClaimResult:
    claim: Claim
    verdict: Verdict
    records: list[dict]  # the experiments the claim names, as recorded (figures, versions, notes)


def read_records(run_dir: Path) -> dict[str, dict]:
    """experiment name -> its record, for every experiment this run wrote."""
    return {
        path.stem: json.loads(path.read_text())
        for path in sorted((run_dir / "figures").glob("*.json"))
    }


def flat_figures(records: dict[str, dict]) -> dict[str, Any]:
    """'experiment.figure' -> value over every record that ran."""
    return {
        f"{name}.{figure}": value
        for name, record in records.items()
        for figure, value in record.get("figures", {}).items()
    }


def judge(registry: Registry, records: dict[str, dict]) -> list[ClaimResult]:
    figures = flat_figures(records)
    results = []
    for claim in registry.claims.values():
        named = [records[name] for name in claim.experiments if name in records]
        results.append(ClaimResult(claim, evaluate(claim.rule, figures), named))
    return results


def counts(results: list[ClaimResult]) -> dict[str, int]:
    """How many claims got each verdict, in the order of VERDICTS."""
    counted = Counter(result.verdict.verdict for result in results)
    return {verdict: counted[verdict] for verdict in VERDICTS}
