"""The twins' behaviour: the shared suite per twin (JUnit XML) and each twin's own tests."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path

from benchmarks.evidence.envs import versions
from benchmarks.evidence.experiment import Context, Outcome
from launcher import ROOT

NAME = "suite"
TITLE = "The shared suite on both twins over HTTP (SQLite), and each twin's own tests"
ESTIMATE_S = (40, 480)
TWINS = ("django", "flask")
# With --quick, a slice of the suite: pages, sign-in, escaping, bad input and security headers.
QUICK_SLICE = ("tests/test_home.py", "tests/test_auth.py", "tests/test_escaping.py",
               "tests/test_security.py", "tests/test_routing.py")  # fmt: skip
FIGURES = {
    **{
        f"{twin}_{outcome}": f"shared-suite tests of the {twin} twin that {outcome} (count)"
        for twin in TWINS
        for outcome in ("passed", "failed", "skipped")
    },
    "same_outcome_share": "share of shared tests whose outcome is the same on both twins (0-1)",
    "tests_per_twin": "shared tests run per twin (count; the smaller of the two)",
    "django_own_tests": "tests in the Django twin's own suite (manage.py test), count",
    "django_own_tests_ok": "the Django twin's own suite passed (bool)",
    "flask_own_tests": "tests in the Flask twin's own suite (pytest flask_impl), count",
    "flask_own_tests_ok": "the Flask twin's own suite passed (bool)",
}
# Files whose results rules read on their own (escaping, sign-in, security, refusals of bad input).
FILES = ("test_escaping", "test_auth", "test_security", "test_bad_input")
FIGURES |= {
    f"{twin}_{file}_{outcome}": f"tests/{file}.py tests that {outcome} on the {twin} twin"
    for twin in TWINS
    for file in FILES
    for outcome in ("passed", "failed")
}
TWIN_OF_ID = re.compile(r"\[(django|flask)(?:-[^\]]*)?\]$")


def outcomes(junit_xml: str) -> dict[str, dict[str, str]]:
    """twin -> test id without the twin -> passed / failed / skipped, from a JUnit XML report."""
    by_twin: dict[str, dict[str, str]] = {twin: {} for twin in TWINS}
    for case in ElementTree.fromstring(junit_xml).iter("testcase"):
        name = case.get("name", "")
        match = TWIN_OF_ID.search(name)
        if not match:
            continue
        test_id = f"{case.get('classname')}::{name[: match.start(1)]}{name[match.end(1) :]}"
        tags = {child.tag for child in case}
        outcome = "failed" if tags & {"failure", "error"} else (
            "skipped" if "skipped" in tags else "passed")  # fmt: skip
        by_twin[match.group(1)][test_id] = outcome
    return by_twin


def suite_figures(by_twin: dict[str, dict[str, str]]) -> dict:
    figures = {}
    for twin in TWINS:
        counts = Counter(by_twin[twin].values())
        for outcome in ("passed", "failed", "skipped"):
            figures[f"{twin}_{outcome}"] = counts[outcome]
        for file in FILES:
            results = [result for test, result in by_twin[twin].items()
                       if test.startswith((f"tests.{file}::", f"tests/{file}.py::"))]  # fmt: skip
            for outcome in ("passed", "failed"):
                figures[f"{twin}_{file}_{outcome}"] = results.count(outcome)
    shared = set(by_twin["django"]) | set(by_twin["flask"])
    same = sum(by_twin["django"].get(test) == by_twin["flask"].get(test) for test in shared)
    figures["same_outcome_share"] = same / len(shared) if shared else None
    figures["tests_per_twin"] = min(len(by_twin[twin]) for twin in TWINS)
    return figures


def django_own(context: Context) -> dict:
    result = subprocess.run(
        [str(ROOT / ".venv/django/bin/python"), "manage.py", "test", "--noinput"],
        cwd=ROOT / "django_impl", capture_output=True, text=True, timeout=900,
        env={"PATH": "/usr/bin:/bin", "SECRET_KEY": "evidence-own-tests-key"},
    )  # fmt: skip
    ran = re.search(r"^Ran (\d+) tests?", result.stderr, re.MULTILINE)
    return {"django_own_tests": int(ran.group(1)) if ran else 0,
            "django_own_tests_ok": result.returncode == 0}  # fmt: skip


def flask_own(context: Context) -> dict:
    report = context.work / "flask-own.xml"
    subprocess.run(
        [str(ROOT / ".venv/flask-test/bin/pytest"), "flask_impl", "-q", "-p", "no:cacheprovider",
         f"--junitxml={report}"], cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    suite = ElementTree.parse(report).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, bad = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
    return {"flask_own_tests": total, "flask_own_tests_ok": bad == 0 and total > 0}


def run(context: Context) -> Outcome:
    report = context.out / "raw" / "shared-suite.xml"
    report.parent.mkdir(parents=True, exist_ok=True)
    paths = list(QUICK_SLICE) if context.quick else ["tests"]
    context.say(f"  shared suite on both twins: {' '.join(paths)}")
    subprocess.run(
        [sys.executable, "-m", "pytest", *paths, "-q", "-p", "no:cacheprovider",
         f"--junitxml={report}"], cwd=ROOT, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    figures = suite_figures(outcomes(Path(report).read_text()))
    notes = [f"shared suite: {' '.join(paths)} on SQLite; JUnit XML in raw/shared-suite.xml"]
    if not context.quick:
        context.say("  each twin's own tests")
        figures |= django_own(context) | flask_own(context)
    else:
        notes.append("quick: the twins' own suites are not run")
    found = versions(Path(sys.executable), ["pytest"])
    found |= versions(ROOT / ".venv/django/bin/python", ["django"])
    found |= versions(ROOT / ".venv/flask/bin/python", ["flask", "flask-sqlalchemy"])
    return Outcome(figures, found, notes)
