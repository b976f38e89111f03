"""Check every small app: status 200 and its marker for each request, in-process and served.

    .venv/tools/bin/python -m benchmarks.apps.check [--quick] [--repeat 200] [--no-serve]

Each Target runs in its own environment and working directory (benchmarks.apps.inprocess), then
once under gunicorn through launcher.serve. The times are rough (process CPU time over REPEAT calls
in one process, no pinning, no interleaving): a sanity check of the ordering, not a measurement.
"""

import argparse
import json
import subprocess
import sys
import urllib.error
import urllib.request

from benchmarks.apps.catalogue import Comparison, Request, catalogue
from benchmarks.load.plan import make_plan
from benchmarks.load.snapshots import BENCH_VAR, SnapshotStore, copy_sqlite, seed_file
from benchmarks.targets import Target
from launcher import free_port, serve, sqlite_url

APPS_VAR = BENCH_VAR / "apps"


def restored_databases(quick: bool) -> tuple[str, str]:
    """Copies of both twins' SQLite snapshots of the plan's large scale, built if missing.

    Its own copies (var/bench/apps/), so that a bench run's var/bench/run/ is left alone.
    """
    scale = make_plan(quick, 1).large
    store = SnapshotStore(None)
    APPS_VAR.mkdir(parents=True, exist_ok=True)
    urls = []
    for twin in ("django", "flask"):
        if not store.exists(twin, scale):
            seed_file(scale)
            store.build(twin, scale)
        target = APPS_VAR / f"{twin}.sqlite3"
        copy_sqlite(BENCH_VAR / "snapshots" / f"{store.name(twin, scale)}.sqlite3", target)
        urls.append(sqlite_url(target))
    return urls[0], urls[1]


def in_process(target: Target, requests: tuple[Request, ...], repeat: int) -> list[dict]:
    listed = [[r.label, r.method, r.path, list(r.headers), r.marker] for r in requests]
    command = [str(target.python), "-m", "benchmarks.apps.inprocess", target.wsgi_app, str(repeat)]
    result = subprocess.run(
        command,
        input=json.dumps(listed),
        cwd=target.workdir,
        env=target.environment(),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{target.name}: in-process run failed\n{result.stderr}")
    return json.loads(result.stdout)


def served(target: Target, requests: tuple[Request, ...]) -> list[dict]:
    log = APPS_VAR / f"{target.name}.log"
    log.unlink(missing_ok=True)
    running = serve(target, target.environment(), free_port(), workers=1, log_path=log)
    answers = []
    try:
        for request in requests:
            http = urllib.request.Request(
                running.base_url + request.path,
                method=request.method,
                headers=dict(request.headers),
            )
            try:
                with urllib.request.urlopen(http, timeout=30) as response:
                    status, body = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, body = error.code, error.read()
            answers.append(
                {
                    "label": request.label,
                    "status": status,
                    "marker": request.marker.encode() in body,
                }
            )
        return answers
    finally:
        running.stop()


def check(comparison: Comparison, repeat: int, with_server: bool) -> bool:
    print(f"\n{comparison.name} (baseline {comparison.baseline}), rough CPU µs per request:")
    print(f"  {'target':<28}" + "".join(f"{request.label:>14}" for request in comparison.requests))
    right = True
    for target in comparison.targets:
        results = in_process(target, comparison.requests, repeat)
        if with_server:
            results += served(target, comparison.requests)
        wrong = [r["label"] for r in results if r["status"] != 200 or not r["marker"]]
        right &= not wrong
        times = "".join(f"{r['cpu_us']:>14.0f}" for r in results if r.get("cpu_us") is not None)
        print(f"  {target.name:<28}{times}" + (f"   WRONG: {', '.join(wrong)}" if wrong else ""))
    return right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the QUICK data set (1,000 articles)")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--no-serve", action="store_true", help="in-process only, no gunicorn")
    parser.add_argument("--only", help="one comparison by name")
    args = parser.parse_args(argv)
    django_url, flask_url = restored_databases(args.quick)
    comparisons = [c for c in catalogue(django_url, flask_url) if args.only in (None, c.name)]
    right = all([check(c, args.repeat, not args.no_serve) for c in comparisons])
    print("\nall right" if right else "\nSOME WRONG", file=sys.stderr)
    return 0 if right else 1


if __name__ == "__main__":
    sys.exit(main())
