"""`make` refuses a Python older than 3.11 (or a missing one) before it builds anything."""

import subprocess
import sys

import pytest

from launcher import ROOT


def check_python(python: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", "check-python", f"PYTHON={python}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def python_3_9(tmp_path):
    """A real interpreter that reports itself as 3.9 (sitecustomize rewrites sys.version_info)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import sys\nsys.version_info = (3, 9, 18, 'final', 0)\n"
    )
    fake = tmp_path / "python3.9"
    fake.write_text(f'#!/bin/sh\nPYTHONPATH={site} exec {sys.executable} "$@"\n')
    fake.chmod(0o755)
    return str(fake)


def test_an_older_python_is_refused_with_what_to_do(python_3_9):
    result = check_python(python_3_9)

    assert result.returncode != 0
    assert f"PYTHON={python_3_9} is Python 3.9; the twins need Python 3.11 or newer" in (
        result.stderr
    )
    assert "make PYTHON=python3.11" in result.stderr


def test_a_missing_python_is_refused(tmp_path):
    result = check_python(str(tmp_path / "no-such-python"))

    assert result.returncode != 0
    assert "no Python found as PYTHON=" in result.stderr


def test_this_python_passes():
    assert sys.version_info >= (3, 11)

    assert check_python(sys.executable).returncode == 0


def test_the_launcher_needs_only_the_standard_library():
    # -S: no site-packages, as on the bare Python that `make serve` runs the launcher on
    command = [sys.executable, "-S", "-c", "import launcher.__main__"]

    assert subprocess.run(command, cwd=ROOT, capture_output=True).returncode == 0
