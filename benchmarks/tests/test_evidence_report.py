"""The report: every claim in evidence.md and EVIDENCE.md, and evidence.html clean in Chromium."""

from pathlib import Path

import pytest

from benchmarks.evidence.html_check import CHROMIUM, page_problems
from benchmarks.evidence.registry import load
from benchmarks.evidence.report_html import evidence_html
from benchmarks.evidence.report_md import evidence_md, evidence_summary_md
from benchmarks.evidence.verdicts import counts, judge

REGISTRY = load()
CONTEXT = {
    "created_utc": "2026-01-01T00:00:00Z", "commit": "0" * 40, "dirty": False, "quick": False,
    "machine": {"cpu_model": "test CPU", "cores": 2, "memory_gib": 1.0}, "python": "3.11",
    "versions": {"django": "5.2", "flask": "3.1"}, "wall_s": 60.0,
}  # fmt: skip
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="`make chromium` first")


def example_records() -> dict[str, dict]:
    """One record per experiment, holding the first example's figures of every claim."""
    records: dict[str, dict] = {}
    for claim in REGISTRY.claims.values():
        for name, value in claim.examples[0]["figures"].items():
            experiment, figure = name.split(".", 1)
            record = records.setdefault(experiment, {
                "experiment": experiment, "title": f"{experiment} (fixture)", "status": "ok",
                "command": f"python -m benchmarks.evidence.runner {experiment}", "wall_s": 1.0,
                "figures": {}, "versions": {"fixture": "1"}, "notes": [], "plots": {}})  # fmt: skip
            record["figures"][figure] = value
    return records


RESULTS = judge(REGISTRY, example_records())


def test_the_fixture_figures_give_every_kind_of_verdict():
    counted = counts(RESULTS)
    assert sum(counted.values()) == 68
    assert all(counted[verdict] for verdict in ("Supported", "Refuted", "Mixed", "Not testable"))


def test_evidence_md_has_every_claim_its_rule_and_verdict():
    text = evidence_md(RESULTS, REGISTRY, CONTEXT)
    for claim in REGISTRY.claims.values():
        assert f"## {claim.id}: " in text
        assert claim.rule["text"].split()[0] in text
    summary = evidence_summary_md(RESULTS, CONTEXT)
    assert summary.count("\n| ") == 68 + 1  # the header row and one row per claim
    assert "commit 000000000000" in summary


@needs_chromium
def test_evidence_html_opens_in_chromium_without_errors_or_broken_links(tmp_path):
    page = tmp_path / "evidence.html"
    page.write_text(evidence_html(RESULTS, REGISTRY, CONTEXT))
    assert page_problems(page) == []


@needs_chromium
def test_the_page_check_sees_console_errors_broken_links_and_outside_links(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html><body><a href="#nowhere">x</a>'
                    '<a href="https://example.org/">y</a><img alt="gone" src="missing.png">'
                    "<script>console.error('boom')</script></body></html>")  # fmt: skip
    problems = " | ".join(page_problems(page))
    for expected in ("console error: boom", "broken link: #nowhere", "link leaves the page",
                     "image does not load: gone"):  # fmt: skip
        assert expected in problems
