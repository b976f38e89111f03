"""Verdicts from figures: each claim's rule (shared_spec/claims.yaml) applied to measured figures.

A rule is a list of checks, each written in the claim's own direction ("the claim holds here
when ..."). Every check holds: Supported. None holds: Refuted. Some hold and some do not, or an
interval straddles its threshold: Mixed, naming which. A figure no experiment has produced: No
evidence yet, naming it. A claim that no experiment can decide is Not testable, its proxies
reported beside it; one whose experiment waits for a part of the project not built yet has no
evidence yet, naming that part.
"""

import operator
from dataclasses import dataclass, field
from typing import Any

SUPPORTED, REFUTED, MIXED = "Supported", "Refuted", "Mixed"
NOT_TESTABLE, NO_EVIDENCE = "Not testable", "No evidence yet"
VERDICTS = (SUPPORTED, REFUTED, MIXED, NOT_TESTABLE, NO_EVIDENCE)

ORDERED = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
OPERATORS = {
    **ORDERED,
    "==": operator.eq,
    "!=": operator.ne,
    "is_null": lambda figure, _: figure is None,
    "not_null": lambda figure, _: figure is not None,
    "contains": lambda figure, value: figure is not None and value in figure,
    "lacks": lambda figure, value: figure is not None and value not in figure,
    "startswith": lambda figure, value: isinstance(figure, str) and figure.startswith(value),
    "in": lambda figure, value: figure in value,
}
MISSING = object()
UNDECIDED = "undecided, its interval crosses the threshold"


@dataclass(frozen=True)
class CheckResult:
    says: str
    holds: bool | None  # None: an interval straddles the threshold
    shown: str  # the figures as read, for the report
    missing: tuple[str, ...] = ()


@dataclass
class Verdict:
    verdict: str
    checks: list[CheckResult] = field(default_factory=list)
    explanation: str = ""
    missing: tuple[str, ...] = ()


def is_interval(value: Any) -> bool:
    return isinstance(value, dict) and {"value", "low", "high"} <= set(value)


def show(value: Any) -> str:
    if is_interval(value):
        return f"{value['value']:.3g} [{value['low']:.3g}, {value['high']:.3g}]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4g}"
    return "null" if value is None else str(value)


def compare(figure: Any, op: str, value: Any) -> bool | None:
    """Whether `figure op value` holds; an interval figure holds only if all of it does."""
    if is_interval(figure) and op in ORDERED:
        test = ORDERED[op]
        low, high = test(figure["low"], value), test(figure["high"], value)
        return low if low == high else None
    if is_interval(figure):
        figure = figure["value"]
    if op in ORDERED and not isinstance(figure, int | float):
        return False
    return bool(OPERATORS[op](figure, value))


def evaluate_check(check: dict, figures: dict[str, Any]) -> CheckResult:
    name, says = check["figure"], check["says"]
    figure = figures.get(name, MISSING)
    missing = [name] if figure is MISSING else []
    value, shown_value = check.get("value"), show(check.get("value"))
    if "than" in check:  # against another figure, optionally scaled
        other = figures.get(check["than"], MISSING)
        if other is MISSING:
            missing.append(check["than"])
        else:
            value = other * check.get("times", 1) if isinstance(other, int | float) else other
            shown_value = f"{check['than']} = {show(other)}"
            if check.get("times", 1) != 1:
                shown_value += f" x {check['times']}"
    if missing:
        return CheckResult(says, None, "not measured", tuple(missing))
    shown = f"{name} = {show(figure)} {check['op']} {shown_value}"
    if check["op"] in ("is_null", "not_null"):
        shown = f"{name} = {show(figure)} ({check['op'].replace('_', ' ')})"
    return CheckResult(says, compare(figure, check["op"], value), shown)


def evaluate(rule: dict, figures: dict[str, Any]) -> Verdict:
    """The verdict a claim's rule gives on these figures (name 'experiment.figure' -> value)."""
    if "waits_for" in rule:
        return Verdict(NO_EVIDENCE, explanation=f"Waits for {rule['waits_for']}.")
    if "not_testable" in rule:
        proxies = [evaluate_check(check, figures) for check in rule.get("proxies", [])]
        return Verdict(NOT_TESTABLE, proxies, rule["not_testable"])
    results, left_out = [], []
    for check in rule["checks"]:
        result = evaluate_check(check, figures)
        if result.missing and check.get("optional"):
            left_out.append(result.says)
        else:
            results.append(result)
    missing = tuple(name for result in results for name in result.missing)
    if missing or not results:
        waits = ", ".join(sorted({name.split(".")[0] for name in missing}))
        text = f"Not measured: {', '.join(missing)} (experiment {waits} produced no such figure)."
        return Verdict(NO_EVIDENCE, results, text if missing else "Nothing measured.", missing)
    verdict = decide(results)
    if left_out:
        verdict.explanation += f" Left out, not measured here: {'; '.join(left_out)}."
    return verdict


def decide(results: list[CheckResult]) -> Verdict:
    """Supported, Refuted or Mixed from checks that all have their figures."""
    holding = [result for result in results if result.holds is True]
    failing = [result for result in results if result.holds is False]
    straddling = [result for result in results if result.holds is None]
    if len(holding) == len(results):
        return Verdict(SUPPORTED, results, "Every check holds.")
    if len(failing) == len(results):
        return Verdict(REFUTED, results, "No check holds.")
    parts = []
    groups = (("holds", holding), ("does not hold", failing), (UNDECIDED, straddling))
    for label, group in groups:
        parts += [f"{label}: {result.says}" for result in group]
    return Verdict(MIXED, results, "; ".join(parts) + ".")


def possible_verdicts(rule: dict) -> list[str]:
    """The verdicts this rule can give, whatever the figures."""
    if "waits_for" in rule:
        return [NO_EVIDENCE]
    if "not_testable" in rule:
        return [NOT_TESTABLE]
    checks = rule["checks"]
    can_mix = len(checks) > 1 or any(check["op"] in ORDERED for check in checks)
    return [SUPPORTED, REFUTED, *([MIXED] if can_mix else []), NO_EVIDENCE]
