"""The record of one invocation: every figure keyed by scenario and twin, sweeps, counts, limits."""

import json
import os
from dataclasses import asdict

from benchmarks.load.counting import growth
from benchmarks.load.loadrun import cpu_list
from benchmarks.load.plan import Plan
from benchmarks.load.sessions import POOL_SIZE
from benchmarks.load.snapshots import SnapshotStore, targets_file
from benchmarks.report import query_expectations
from benchmarks.report.analysis import summarize
from benchmarks.report.environment import environment
from benchmarks.report.schema import BenchRecord, PlanRecord


def sweep(points: list, aggregated: dict, label) -> list[dict]:
    return [
        {"point": label(spec), "spec": spec.key, **aggregated[spec.key]}
        for spec in points
        if spec.key in aggregated
    ]


def sweeps(plan: Plan, aggregated: dict) -> dict:
    count_note = (
        f"{plan.server_cores_available} server core(s) available beside the generator: "
        + ("a single point" if plan.server_cores_available == 1 else "one point per core count")
    )
    return {
        "concurrency": sweep(plan.concurrency_sweep, aggregated, lambda spec: spec.users),
        "worker_model": sweep(
            plan.worker_model_sweep,
            aggregated,
            lambda spec: f"{spec.worker_class} ({spec.workers} workers x {spec.threads} threads)",
        ),
        "worker_count": sweep(
            plan.worker_count_sweep,
            aggregated,
            lambda spec: f"{spec.server_cores} core(s), {spec.workers} workers",
        ),
        "worker_count_note": count_note,
        "data_size": sweep(plan.data_size, aggregated, lambda spec: f"{spec.scale.articles:,}"),
    }


def unavailable(runs: list, counts: dict, loc: dict, hosts: dict, footprint: dict) -> list[str]:
    notes = sorted(
        {
            f"{run['scenario']} on {run['twin']}: {run['reason']}"
            for run in runs
            if run["status"] == "unavailable"
        }
    )
    notes += [
        f"{run['id']}: measurement failed: {run['reason'][:300]}"
        for run in runs
        if run["status"] == "error"
    ]
    for twin in hosts:
        notes.append(
            f"{twin} runs on another host ({hosts[twin]}): server CPU per request, worker peak RSS,"
            " start-up and import time need its /proc and are unavailable"
        )
    for twin, by_scale in counts.items():
        notes += [
            f"{twin}, {label} articles: SQL counts unavailable ({scale['api_missing']})"
            for label, scale in by_scale.items()
            if not scale["counts"]
        ]
        if any(
            seen["queries"] is None
            for scale in by_scale.values()
            for by_user in scale["counts"].values()
            for seen in by_user.values()
        ):
            notes.append(f"{twin}: some responses carried no X-Query-Count header")
    if "unavailable" in loc["features"]:
        notes.append(f"line counts by feature: {loc['features']['unavailable']}")
    notes += [
        f"footprint of {name}: {data['unavailable']}"
        for name, data in footprint.items()
        if "unavailable" in data
    ]
    return notes


def build_document(
    *,
    plan: Plan,
    runs,
    aggregated,
    counts,
    imports,
    loc,
    footprint,
    steadiness,
    store: SnapshotStore,
    twins,
    hosts,
    cpus,
    processes,
    load,
    wall_time_s,
) -> BenchRecord:
    scales = {
        scale.label: {**asdict(scale), "counts": scale_counts(scale)} for scale in plan.scales
    }
    figures: dict[str, dict] = {}
    for spec in plan.headline:
        if spec.key in aggregated:
            entry = aggregated[spec.key]
            figures[spec.scenario] = {
                **entry["twins"],
                "spec": spec.key,
                "flask_over_django": entry["flask_over_django"],
                "unfit_reasons": entry["unfit_reasons"],
            }
    startup = {
        twin: summarize(
            [
                run["figures"]["startup_s"]
                for run in runs
                if run["twin"] == twin and run["status"] == "ok"
            ]
        )
        for twin in twins
    }
    queries = {
        "by_twin": counts,
        "grows_with_data": {
            twin: growth(by_scale[plan.small.label]["counts"], by_scale[plan.large.label]["counts"])
            if len(plan.scales) > 1
            else None
            for twin, by_scale in counts.items()
        },
        "as_specified": query_expectations.check(counts),
    }
    env = environment(
        database_engine=store.engine,
        database_versions={twin: store.version(twin) for twin in twins if twin not in hosts},
        data_scales=scales,
        headline_scale=plan.large.label,
        gunicorn={"workers": plan.workers_per_core, "worker_class": "sync", "timeout_s": 60},
        cpu_layout={"server": cpu_list(cpus[0]), "generator": cpu_list(cpus[1])},
        load_average={"start": load, "end": os.getloadavg()},
        server_core_steadiness={"seconds": plan.steadiness_s, **(steadiness or {})},
        locust_processes=processes,
        signed_in_accounts=POOL_SIZE,
        remote_twins=hosts,
        twin_python={name: data.get("python") for name, data in footprint.items()},
        twin_packages={
            name: {p["name"]: p["version"] for p in data.get("packages", [])}
            for name, data in footprint.items()
        },
    )
    return BenchRecord(
        quick=plan.quick,
        plan=PlanRecord(
            quick=plan.quick, warmup_s=plan.warmup_s, window_s=plan.window_s,
            repeats=plan.repeats, users=plan.users, concurrency=plan.concurrency, twins=twins,
        ),
        environment=env,
        figures=figures,
        sweeps=sweeps(plan, aggregated),
        queries=queries,
        startup_s=startup,
        imports=imports,
        loc=loc,
        footprint=footprint,
        unavailable=unavailable(runs, counts, loc, hosts, footprint),
        wall_time_s=wall_time_s,
        aggregated=aggregated,
        runs=runs,
    )  # fmt: skip


def scale_counts(scale) -> dict:
    return json.loads(targets_file(scale).read_text())["counts"]
