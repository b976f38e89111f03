"""The verdict rules: checks, intervals, figures left out, figure-to-figure comparisons."""

from benchmarks.evidence.rules import (
    MIXED,
    NO_EVIDENCE,
    NOT_TESTABLE,
    REFUTED,
    SUPPORTED,
    compare,
    evaluate,
    possible_verdicts,
    show,
)


def check(figure, op, value=None, **extra):
    return {"says": f"{figure} {op} {value}", "figure": figure, "op": op, "value": value, **extra}


def interval(value, low, high):
    return {"value": value, "low": low, "high": high}


def test_every_check_holding_supports_and_none_refutes():
    rule = {"checks": [check("a.x", "<", 1), check("a.y", "==", "DENY")]}
    assert evaluate(rule, {"a.x": 0.5, "a.y": "DENY"}).verdict == SUPPORTED
    assert evaluate(rule, {"a.x": 2, "a.y": None}).verdict == REFUTED


def test_some_holding_is_mixed_and_names_which():
    rule = {"checks": [check("a.x", "<", 1), check("a.y", "is_null")]}
    verdict = evaluate(rule, {"a.x": 0.5, "a.y": "nosniff"})
    assert verdict.verdict == MIXED
    assert "holds: a.x < 1" in verdict.explanation
    assert "does not hold: a.y is_null" in verdict.explanation


def test_an_interval_counts_only_when_all_of_it_is_past_the_threshold():
    assert compare(interval(0.9, 0.88, 0.92), "<", 0.95) is True
    assert compare(interval(0.97, 0.96, 0.98), "<", 0.95) is False
    assert compare(interval(0.95, 0.93, 0.97), "<", 0.95) is None
    rule = {"checks": [check("b.ratio", "<", 0.95)]}
    verdict = evaluate(rule, {"b.ratio": interval(0.95, 0.93, 0.97)})
    assert verdict.verdict == MIXED
    assert "interval crosses" in verdict.explanation


def test_a_figure_not_measured_gives_no_evidence_naming_it():
    rule = {"checks": [check("a.x", "<", 1), check("sse.held", ">", 10)]}
    verdict = evaluate(rule, {"a.x": 0.5})
    assert verdict.verdict == NO_EVIDENCE
    assert verdict.missing == ("sse.held",)
    assert "sse" in verdict.explanation


def test_an_optional_check_without_its_figure_is_left_out_and_said():
    rule = {"checks": [check("a.x", "==", 0), check("b.scaling", ">=", 0.8, optional=True)]}
    verdict = evaluate(rule, {"a.x": 0})
    assert verdict.verdict == SUPPORTED
    assert "Left out" in verdict.explanation
    assert evaluate(rule, {"a.x": 0, "b.scaling": 0.5}).verdict == MIXED


def test_a_figure_against_another_scaled():
    rule = {"checks": [{"says": "x", "figure": "a.f", "op": "<", "than": "a.d", "times": 0.5}]}
    assert evaluate(rule, {"a.f": 4, "a.d": 10}).verdict == SUPPORTED
    assert evaluate(rule, {"a.f": 6, "a.d": 10}).verdict == REFUTED
    assert evaluate(rule, {"a.f": 6}).verdict == NO_EVIDENCE


def test_figures_are_shown_as_json_writes_them():
    assert [show(True), show(None), show(0.123456), show(interval(0.5, 0.4, 0.6))] == [
        "true", "null", "0.1235", "0.5 [0.4, 0.6]"]  # fmt: skip


def test_ordered_ops_refuse_non_numbers_and_membership_ops_read_lists():
    assert compare(None, ">", 0) is False
    assert compare(["json", "xml"], "contains", "xml") is True
    assert compare(["json"], "lacks", "xml") is True


def test_not_testable_and_waiting_rules():
    proxies = {"not_testable": "why", "proxies": [check("a.rss", "not_null")]}
    verdict = evaluate(proxies, {"a.rss": 30.0})
    assert verdict.verdict == NOT_TESTABLE
    assert verdict.checks[0].holds is True
    assert evaluate({"waits_for": "the shop"}, {}).verdict == NO_EVIDENCE
    assert possible_verdicts(proxies) == [NOT_TESTABLE]
    single = {"checks": [check("a.x", "==", 1)]}
    assert possible_verdicts(single) == [SUPPORTED, REFUTED, NO_EVIDENCE]
