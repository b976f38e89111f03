"""The verdict-grade steps of `make bench`: instruction counts, interleaved timing, app comparisons.

Each step returns its record section as JSON-ready data (the producers' dataclasses, flattened),
or {"unavailable": why} when it cannot run here (twins on other hosts, no valgrind).
"""

import shutil

from benchmarks.apps.measure import measure_comparisons
from benchmarks.apps.measure import to_json as comparisons_json
from benchmarks.instructions.measure import measure_instructions
from benchmarks.interleave.twins import measure_twins
from benchmarks.load.loadrun import LoadContext
from benchmarks.load.plan import Plan

VERDICT_ERRORS = (RuntimeError, OSError, ValueError, KeyError)


def instructions_section(plan: Plan, context: LoadContext, twins: list[str], say) -> dict:
    """Instructions per request of every page, endpoint and scenario mix, and the breakdowns."""
    local = [twin for twin in twins if twin not in context.hosts]
    if not local:
        return {"unavailable": "every twin runs on another host"}
    if shutil.which("valgrind") is None:
        return {"unavailable": "valgrind is not installed"}
    try:
        results = measure_instructions(
            local, plan.large, context.store, context.secret_key,
            context.raw_dir / "instructions", plan.quick, progress=lambda text: say(f"    {text}"),
        )  # fmt: skip
    except VERDICT_ERRORS as error:
        return {"unavailable": f"instruction counts failed: {str(error)[-500:]}"}
    record = results.to_json()
    record["ratios"] = {
        "pages": {ratio.label: ratio.flask_over_django for ratio in results.kind_ratios},
        "scenarios": {ratio.label: ratio.flask_over_django for ratio in results.mix_ratios},
    }
    return record


def interleaved_section(plan: Plan, context: LoadContext, twins: list[str], say) -> dict:
    """Both twins served at once on the server core, the load alternating between them."""
    if set(twins) != {"django", "flask"} or context.hosts:
        return {"unavailable": "needs both twins running here"}

    def report(result) -> None:
        ratio = result.ratio("flask")
        text = "n/a" if ratio is None or ratio.median is None else f"{ratio.median:.3f}"
        say(f"    {result.scenario}: Flask/Django {text} ({result.status})")

    try:
        results = measure_twins(
            context.store, plan.large, context.raw_dir / "interleaved", context.server_cpus,
            context.generator_cpus, scenarios=plan.interleaved_scenarios,
            warmup_s=plan.interleave_warmup_s, measured_s=plan.interleave_measured_s,
            window_s=plan.interleave_window_s, users=plan.interleave_users,
            fresh_data=not plan.quick, on_result=report,
        )  # fmt: skip
    except VERDICT_ERRORS as error:
        return {"unavailable": f"interleaved timing failed: {str(error)[-500:]}"}
    scenarios = {}
    for result in results:
        record = result.to_json()
        record.pop("windows", None)  # every window stays in raw/interleaved/
        ratio = result.ratio("flask")
        record["ratio"] = None if ratio is None else {
            "median": ratio.median, "low": ratio.low, "high": ratio.high, "pairs": ratio.pairs
        }  # fmt: skip
        record["by_target"] = {target.name: target.cpu_ms_per_request for target in result.targets}
        scenarios[result.scenario] = record
    return {
        "window_s": plan.interleave_window_s,
        "warmup_s": plan.interleave_warmup_s,
        "measured_s": plan.interleave_measured_s,
        "users": plan.interleave_users,
        "scenarios": scenarios,
    }


def apps_section(plan: Plan, context: LoadContext, say) -> dict:
    """The extension ladder, middleware, template engines, hello-worlds and floors."""
    if context.hosts:
        return {"unavailable": "the comparisons run here, beside twins on this host only"}
    timing = {
        "warmup_s": plan.apps_warmup_s, "per_target_s": plan.apps_per_target_s,
        "window_s": plan.interleave_window_s, "server_cpus": context.server_cpus,
        "generator_cpus": context.generator_cpus, "users": plan.apps_users,
    }  # fmt: skip
    try:
        results = measure_comparisons(plan.large, context.raw_dir / "apps", timing, plan.quick, say)
    except VERDICT_ERRORS as error:
        return {"unavailable": f"app comparisons failed: {str(error)[-500:]}"}
    return {"comparisons": comparisons_json(results)}
