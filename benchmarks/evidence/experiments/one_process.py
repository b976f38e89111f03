"""Both twins in one WSGI process (Werkzeug's DispatcherMiddleware), the suite's slice via each."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psutil
import requests

from benchmarks.evidence.envs import REQUIREMENTS, fresh_env, versions
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.probes.one_process import links, records
from launcher import ROOT, SEED, TWINS, free_port, provision, sqlite_url, stop_process, twin_env
from launcher.twins import wait_until_ready

NAME = "one_process"
TITLE = "Django and Flask twins mounted in one gunicorn process, the shared suite's slice via each"
ESTIMATE_S = (20, 100)
ENV = "one-process"
PROBE = Path(links.__file__).resolve().parent  # wsgi.py: `gunicorn wsgi:application` from here
WORKERS = 2
PREFIXES = {"django": "/django", "flask": "/flask"}
# The variables the twins read their settings from (shared_spec/policies.md) that differ by twin.
TWIN_SETTINGS = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "TWINS_COUNT_QUERIES")
# The shared suite's slice: the home page, sign-in and sign-up, an article page, the API's article
# list and tags (every test of these files).
SLICE = (
    "tests/test_home.py",
    "tests/test_auth.py",
    "tests/test_articles.py",
    "tests/api/test_article_list.py",
    "tests/api/test_tags.py",
)
# With --quick, one or two tests of each part of the slice.
QUICK_SLICE = (
    "tests/test_home.py::test_home_lists_new_article_with_its_preview",
    "tests/test_auth.py::test_sign_up_signs_in_and_redirects_home",
    "tests/test_auth.py::test_sign_in_redirects_home",
    "tests/test_articles.py::test_article_page_shows_title_author_description_and_tags",
    "tests/api/test_article_list.py::test_list_is_newest_first",
    "tests/api/test_tags.py::test_tags_need_no_token",
)
FIGURES = {
    **{
        f"{twin}_slice_{outcome}": f"slice tests through /{twin} that {outcome} (count, JUnit XML)"
        for twin in PREFIXES
        for outcome in ("passed", "failed", "skipped")
    },
    **{
        f"{twin}_failed_tests": f"node ids of the slice tests that failed through /{twin} (list)"
        for twin in PREFIXES
    },
    **{
        f"{twin}_links_outside_prefix": f"links, form targets, `next` values and redirects of "
        f"the {twin} twin's scanned pages that name a site path outside /{twin} (list)"
        for twin in PREFIXES
    },
    "slice_tests": "pytest node ids of the slice run through each prefix (list)",
    "same_process": "a worker pid answered requests under both prefixes during the run (bool)",
    "pids_serving_both": "gunicorn workers that answered under both prefixes (count)",
    "requests_by_prefix": "requests answered under each prefix during the run (prefix -> count)",
    "workers": "gunicorn worker processes serving the module (count, children of the master)",
    "prefixes": "mount prefixes whose home page answered 200 with the page's nav (list)",
    "root_status": "HTTP status of `/`, outside both prefixes (the root app's)",
    "pins_moved": "packages whose version in the one-process lock differs from a twin's lock "
    "(list of `name: twin's -> this`)",
}


def provisioned_mount_env(work: Path) -> dict[str, str]:
    """Each twin's own migrated, seeded SQLite database, and its settings as `MOUNT_<TWIN>_*`
    (the launcher's environment for that twin; wsgi.py hands each twin its own)."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("VIRTUAL_ENV") and key not in TWIN_SETTINGS}  # fmt: skip
    env["PYTHONUNBUFFERED"] = "1"
    for twin in PREFIXES:
        own = twin_env(TWINS[twin], sqlite_url(work / f"{twin}.sqlite3"), TWINS_COUNT_QUERIES="1")
        provision(TWINS[twin], own, SEED)
        env |= {f"MOUNT_{twin.upper()}_{name}": own[name] for name in TWIN_SETTINGS}
    return env


def serve(python: Path, env: dict[str, str], port: int, log: Path, access_log: Path):
    command = [
        str(python.parent / "gunicorn"),
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(WORKERS),
        "--worker-class", "sync",
        "--timeout", "60",
        "--graceful-timeout", "5",
        "--no-control-socket",
        "--access-logfile", str(access_log),
        "--access-logformat", records.ACCESS_LOG_FORMAT,
        "wsgi:application",
    ]  # fmt: skip
    with log.open("wb") as output:
        return subprocess.Popen(
            command, cwd=PROBE, env=env, stdout=output, stderr=subprocess.STDOUT
        )


def answering_prefixes(base_url: str) -> list[str]:
    answered = []
    for prefix in PREFIXES.values():
        page = requests.get(f"{base_url}{prefix}/", timeout=30)
        if page.status_code == 200 and 'data-testid="nav"' in page.text:
            answered.append(prefix)
    return answered


def run_slice(slice_ids: tuple[str, ...], base_url: str, report: Path) -> records.SliceResult:
    command = [str(ROOT / ".venv/tools/bin/pytest"), *slice_ids, "--base-url", base_url,
               f"--junitxml={report}", "-q", "-p", "no:cacheprovider"]  # fmt: skip
    subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if not report.exists():
        raise RuntimeError(f"pytest wrote no JUnit XML for {base_url}")
    return records.read_junit(report.read_text())


def slice_figures(twin: str, result: records.SliceResult) -> dict:
    counts = {"passed": result.passed, "failed": result.failed, "skipped": result.skipped}
    return {f"{twin}_slice_{outcome}": count for outcome, count in counts.items()} | {
        f"{twin}_failed_tests": result.failed_ids
    }


def worker_count(process: subprocess.Popen) -> int:
    return len(psutil.Process(process.pid).children())


def pins(lock_text: str) -> dict[str, str]:
    """name -> version of a uv lock (`name==version \\` lines)."""
    found = {}
    for line in lock_text.splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split("==", 1)
            found[name.split("[")[0].lower()] = version.split()[0]
    return found


def moved_pins(own: dict[str, str], twins: list[dict[str, str]]) -> list[str]:
    return sorted(f"{name}: {pinned} -> {own.get(name, 'absent')}"
                  for locked in twins for name, pinned in locked.items()
                  if own.get(name) != pinned)  # fmt: skip


def served_figures(access_log: str) -> dict:
    """Which workers answered under which prefix, from the access log of the whole run."""
    served = records.requests_by_prefix(access_log)
    both = records.pids_serving_all(served, list(PREFIXES.values()))
    requests_by_prefix = {prefix: sum(served.get(prefix, {}).values())
                          for prefix in PREFIXES.values()}  # fmt: skip
    return {"same_process": bool(both), "pids_serving_both": len(both),
            "requests_by_prefix": requests_by_prefix}  # fmt: skip


def run(context: Context) -> Outcome:
    python = fresh_env(ENV)
    raw = context.out / "raw" / NAME
    raw.mkdir(parents=True, exist_ok=True)
    context.say("  provisioning both twins' databases (migrations, demo data)")
    env = provisioned_mount_env(context.work)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    access_log = context.work / "access.log"
    process = serve(python, env, port, context.work / "gunicorn.log", access_log)
    demo = json.loads(SEED.read_text())["demo"]
    slice_ids = QUICK_SLICE if context.quick else SLICE
    figures: dict = {}
    try:
        for prefix in PREFIXES.values():
            wait_until_ready(base_url + prefix, process)
        figures["workers"] = worker_count(process)
        figures["prefixes"] = answering_prefixes(base_url)
        figures["root_status"] = requests.get(f"{base_url}/", timeout=30).status_code
        results = {}
        for twin, prefix in PREFIXES.items():
            context.say(f"  links of {prefix}, then the slice through it")
            links_found = links.scan(base_url + prefix, demo["email"], demo["password"])
            figures[f"{twin}_links_outside_prefix"] = links_found
            results[twin] = run_slice(slice_ids, base_url + prefix, raw / f"{twin}.xml")
            figures |= slice_figures(twin, results[twin])
    finally:
        stop_process(process)
        for kept in ("access.log", "gunicorn.log"):
            if (context.work / kept).exists():
                shutil.copy(context.work / kept, raw / kept)
    figures |= served_figures(access_log.read_text())
    figures["slice_tests"] = sorted(set().union(*(result.node_ids for result in results.values())))
    own = pins((REQUIREMENTS / f"{ENV}.txt").read_text())
    twin_locks = [
        pins((ROOT / f"{twin}_impl" / "requirements.txt").read_text()) for twin in PREFIXES
    ]
    figures["pins_moved"] = moved_pins(own, twin_locks)
    notes = [
        f"gunicorn (sync, {WORKERS} workers) serves benchmarks/evidence/probes/one_process/"
        "wsgi.py from the one-process environment (both twins' locks); each twin its own "
        "migrated SQLite database with the demo data, TWINS_COUNT_QUERIES=1 as the suite sets it",
        f"slice: {' '.join(slice_ids)}; JUnit XML and the access log in raw/{NAME}/",
        "the worker pid is read from X-Worker-Pid, a header the probe's wrapper adds "
        "(gunicorn's access log records it per request)",
        "the suite reads redirect targets, next and links from the app's root (the base URL's "
        "path taken off where present), so a link that leaves the prefix can still pass a test; "
        "the *_links_outside_prefix figures, from a scan of pages signed out and in as the demo "
        "user, are what show it",
    ]
    if context.quick:
        notes.append("quick: a few tests of each part of the slice only")
    found = versions(python, sorted(own)) | versions(Path(sys.executable), ["pytest", "requests"])
    return Outcome(figures, found, notes)
