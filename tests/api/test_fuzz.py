"""Schemathesis fuzzes the twin's API from shared_spec/openapi.yaml: no server error, no response
the document does not allow, no crash, and at least MIN_CASES cases run, with a fixed seed.

The run is the schemathesis CLI in a subprocess, the same command anyone can run by hand (shown
with `pytest -s`); its JSON report gives the number of cases, which the test always prints.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.openapi_contract import SPEC_PATH

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
HOOKS = Path(__file__).with_name("fuzz_hooks.py")
SEED = 20261121
MIN_CASES = 1000
MAX_EXAMPLES = 60
# Every check the twins honestly meet. Left out: positive_data_acceptance (schema-valid input the
# contract refuses: a NUL byte, following oneself) and negative_data_rejection (input the schema
# bounds more tightly than the twins: a `tag` filter over 100 characters, 11 tags with duplicates).
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "ignored_auth",
    "use_after_free",
    "ensure_resource_availability",
)


def fuzz_command(base_url: str, report: Path) -> list[str]:
    return [
        str(SCHEMATHESIS),
        "run",
        str(SPEC_PATH),
        "--url", f"{base_url}/api",
        "--checks", ",".join(CHECKS),
        "--phases", "examples,coverage,fuzzing,stateful",
        "--max-examples", str(MAX_EXAMPLES),
        "--seed", str(SEED),
        "--generation-database", "none",
        "--workers", "1",  # one thread: CPython 3.11's ast is not thread-safe (gh-106905)
        "--request-timeout", "30",
        "--max-redirects", "0",
        "--no-color",
        "--report", "json",
        "--report-json-path", str(report),
    ]  # fmt: skip


def test_schemathesis_finds_nothing_in_at_least_1000_cases(twin, tmp_path, capsys):
    report = tmp_path / "schemathesis.json"
    command = fuzz_command(twin.base_url, report)
    print("$", f"SCHEMATHESIS_HOOKS={HOOKS}", " ".join(command))

    result = subprocess.run(
        command,
        cwd=tmp_path,
        env={**os.environ, "SCHEMATHESIS_HOOKS": str(HOOKS)},
        capture_output=True,
        text=True,
        timeout=900,
    )

    assert report.exists(), f"no report; schemathesis said:\n{result.stdout}\n{result.stderr}"
    summary = json.loads(report.read_text())
    counts = summary["test_cases"]
    cases = counts["generated"] - counts["errored"]
    with capsys.disabled():  # the count is part of every run's output, not only with -s
        print(f"\nschemathesis on {twin.name}: {cases} cases run, seed {SEED}", end=" ")
    assert result.returncode == 0, f"{result.stdout[-20000:]}\n{result.stderr[-5000:]}"
    assert summary["failures"] == []
    assert summary["errors"] == []
    assert cases >= MIN_CASES, f"only {cases} cases were run"
