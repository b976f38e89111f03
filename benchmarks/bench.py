"""One `make bench` invocation: data, counting pass, import times, load runs, counts, record."""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.load.counting import counting_pass
from benchmarks.load.loadrun import LoadContext, cpu_list, run_load
from benchmarks.load.plan import API_SCENARIOS, Plan, cpu_layout, make_plan
from benchmarks.load.snapshots import SnapshotStore, seed_file, targets_file
from benchmarks.measure.imports import import_time
from benchmarks.measure.steadiness import describe as describe_steadiness
from benchmarks.methods import apps_section, instructions_section, interleaved_section
from benchmarks.progress import Progress, clock
from benchmarks.report.analysis import aggregate
from benchmarks.report.document import build_document
from benchmarks.report.environment import git_state
from benchmarks.report.method_plots import draw_methods
from benchmarks.report.plots import draw_all
from benchmarks.report.record import results_dir, versioned_record, write_json
from benchmarks.report.summary import write_summary
from benchmarks.size.footprint import footprint
from benchmarks.size.loc import line_counts
from launcher import ROOT


def say(message: str) -> None:
    print(message, flush=True)


def prepare_data(plan: Plan, store: SnapshotStore, twins: list[str], hosts: dict) -> None:
    """Generate each scale's seed once and load it into a snapshot per twin and engine."""
    for scale in plan.scales:
        seed_file(scale)
        targets_file(scale)
        for twin in twins:
            if twin not in hosts and not store.exists(twin, scale):
                started = time.monotonic()
                say(f"  loading {scale.articles:,} articles into a {store.engine} snapshot: {twin}")
                store.build(twin, scale)
                say(f"    done in {time.monotonic() - started:.0f} s")


def measure_counts(plan: Plan, twins: list[str], context: LoadContext) -> dict:
    counts: dict[str, dict] = {}
    for twin in twins:
        for scale in plan.scales:
            say(f"  counting SQL statements per page: {twin}, {scale.articles:,} articles")
            try:
                result = counting_pass(twin, scale, context)
            except (RuntimeError, OSError, ValueError, KeyError) as error:
                say(f"    failed: {str(error)[-300:]}")
                result = {"counts": {}, "api_missing": f"counting pass failed: {error}"}
            counts.setdefault(twin, {})[scale.label] = result
    return counts


def measure_imports(plan: Plan, twins: list[str], context: LoadContext) -> dict:
    results = {}
    for twin in twins:
        if twin in context.hosts:
            results[twin] = {"unavailable": "twin runs on another host"}
            continue
        database_url = context.store.restore(twin, plan.small)
        cpus = cpu_list(context.server_cpus[:1])
        try:
            results[twin] = import_time(twin, database_url, cpus, plan.import_repeats)
        except (OSError, ValueError, subprocess.CalledProcessError) as error:
            results[twin] = {"unavailable": f"import failed: {str(error)[-300:]}"}
        context.store.discard(database_url)
    return results


def measure_steadiness(plan: Plan, context: LoadContext) -> dict:
    """Fixed work timed on the server core (steadiness.py): how much noise the machine adds."""
    command = [
        "taskset", "--cpu-list", cpu_list(context.server_cpus[:1]), sys.executable,
        "-m", "benchmarks.measure.steadiness", "--seconds", f"{plan.steadiness_s:g}",
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, check=True,
            timeout=plan.steadiness_s + 60,
        )  # fmt: skip
        measured = json.loads(result.stdout)
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        return {"unavailable": f"steadiness check failed: {str(error)[-300:]}"}
    write_json(context.raw_dir / "steadiness.json", measured)
    return measured["summary"]


def load_runs(plan: Plan, twins: list[str], context: LoadContext, api_missing: dict) -> list:
    """Every run, repeat by repeat; the twins' order alternates so drift hits both alike."""
    schedule = []
    for repeat in range(1, plan.repeats + 1):
        order = twins if repeat % 2 else list(reversed(twins))
        for spec, repeats in plan.runs():
            if repeat <= repeats:
                schedule += [(spec, twin, repeat) for twin in order]
    runs = [
        {"spec": spec.key, "scenario": spec.scenario, "twin": twin, "repeat": repeat,
         "status": "unavailable", "reason": api_missing[twin]}
        for spec, twin, repeat in schedule
        if spec.scenario in API_SCENARIOS and api_missing.get(twin)
    ]  # fmt: skip
    schedule = [
        (spec, twin, repeat)
        for spec, twin, repeat in schedule
        if not (spec.scenario in API_SCENARIOS and api_missing.get(twin))
    ]
    progress = Progress(len(schedule), plan.run_seconds())
    for spec, twin, repeat in schedule:
        progress.show(f"{describe(spec)} · {twin} · run {repeat}/{plan.repeats}")
        runs.append(run_load(spec, twin, repeat, context))
        progress.advance()
    progress.finish()
    return runs


def describe(spec) -> str:
    model = "" if spec.worker_class == "sync" else f" · {spec.worker_class} x{spec.threads}"
    return f"{spec.scenario} · {spec.users} users · {spec.scale.articles:,} articles{model}"


def run(options) -> Path:
    started, load_at_start = time.monotonic(), os.getloadavg()
    git_state()  # the code measured is the code at the start
    server_cpus, generator_cpus = cpu_layout(options.generator_cores)
    twins, hosts = options.twins, options.hosts
    store = SnapshotStore(os.environ.get("BENCH_DATABASE_URL") or None)
    plan = make_plan(options.quick, len(server_cpus), options.skipped)
    missing = sum(
        not store.exists(twin, scale)
        for twin in twins
        if twin not in hosts
        for scale in plan.scales
    )
    load_count = plan.load_runs(twins)
    estimate = plan.estimate_seconds(load_count, missing)
    say(f"make bench{' QUICK' if plan.quick else ''}: {load_count} load runs of "
        f"{plan.warmup_s:g} s warm-up + {plan.window_s:g} s window; estimated duration "
        f"~{clock(estimate)} (m:ss). Server on CPU {cpu_list(server_cpus)}, locust on CPU "
        f"{cpu_list(generator_cpus)}, engine {store.engine}.")  # fmt: skip
    directory = results_dir()
    context = LoadContext(
        store=store, raw_dir=directory / "raw", server_cpus=server_cpus,
        generator_cpus=generator_cpus, processes=options.processes, hosts=hosts,
        secret_key=secrets.token_urlsafe(50), warmup_s=plan.warmup_s, window_s=plan.window_s,
    )  # fmt: skip
    say("Data sets and snapshots:")
    prepare_data(plan, store, twins, hosts)
    say("SQL queries per page (separate counting pass):")
    counts = measure_counts(plan, twins, context)
    api_missing = {twin: counts[twin][plan.large.label]["api_missing"] for twin in twins}
    unavailable = {twin: set(API_SCENARIOS) for twin, reason in api_missing.items() if reason}
    if unavailable:
        load_count = plan.load_runs(twins, unavailable)
        say(
            f"  no JSON API on {', '.join(sorted(unavailable))}: API scenarios marked unavailable;"
            f" {load_count} load runs left, ~{clock(plan.estimate_seconds(load_count, 0))} to go"
        )
    say("Import time of each twin's WSGI module:")
    imports = measure_imports(plan, twins, context)
    say(f"Steadiness of the server core ({plan.steadiness_s:g} s of fixed work):")
    local = set(twins) - set(hosts)
    steadiness = (
        measure_steadiness(plan, context) if local else {"unavailable": "no twin runs here"}
    )
    say(f"  {describe_steadiness(steadiness)}")
    say("Instructions per request (valgrind, in-process; both twins at once, one per core):")
    instructions = instructions_section(plan, context, twins, say)
    say("Server CPU per request, twins interleaved on one core:")
    interleaved = interleaved_section(plan, context, twins, say)
    say("App comparisons (ladder, middleware, template engines, hello-worlds, floors):")
    apps = apps_section(plan, context, say)
    say("Sequential load runs (throughput and latency, one twin at a time):")
    runs = load_runs(plan, twins, context, api_missing)
    say("Line counts and footprint:")
    loc, packages = line_counts(), footprint()
    record = build_document(
        plan=plan, runs=runs, aggregated=aggregate(runs, plan.quick), counts=counts,
        imports=imports, loc=loc, footprint=packages, steadiness=steadiness, store=store,
        twins=twins, hosts=hosts, cpus=(server_cpus, generator_cpus), processes=options.processes,
        load=load_at_start, wall_time_s=time.monotonic() - started,
    )  # fmt: skip
    record.instructions, record.interleaved, record.apps = instructions, interleaved, apps
    document = record.to_json()
    write_json(directory / "figures.json", {"aggregated": document["aggregated"], "runs": runs})
    write_json(directory / "environment.json", document["environment"])
    versioned_record(directory, document)
    draw_all(document, directory / "plots")
    draw_methods(document, directory / "plots")
    write_summary(document, directory / "summary.md")
    say(f"Wall time {clock(time.monotonic() - started)} (m:ss). Results: {directory}")
    return directory
