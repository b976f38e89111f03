"""Footprint: the packages each twin's runtime needs, their installed size and lines of Python."""

# The same for the bare frameworks, installed alone into throwaway environments made with uv. The
# data come from importlib.metadata run inside each environment (footprint_probe.py); the closure
# of requirements is taken here from each twin's requirements.in, markers and extras evaluated.

import json
import subprocess
import tempfile
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from benchmarks.load.snapshots import BENCH_VAR
from launcher import ROOT

UV = ROOT / ".venv" / "uv" / "bin" / "uv"
CACHE = BENCH_VAR / "footprint-lines.json"
TWIN_REQUIREMENTS = {
    "django": ROOT / "django_impl" / "requirements.in",
    "flask": ROOT / "flask_impl" / "requirements.in",
}
FRAMEWORKS = {"django": "Django", "flask": "Flask"}


def probe(python: Path) -> dict:
    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    command = [str(python), "-m", "benchmarks.size.footprint_probe", str(CACHE)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def direct_requirements(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("-")]


def closure(data: dict, direct: list[str]) -> list[dict]:
    """The installed distributions that the direct requirements need, transitively."""
    installed = {canonicalize_name(item["name"]): item for item in data["distributions"]}
    needed: dict[str, set[str]] = {}
    queue = [Requirement(text) for text in direct]
    while queue:
        requirement = queue.pop()
        name = canonicalize_name(requirement.name)
        extras = set(requirement.extras)
        if name not in installed or (name in needed and extras <= needed[name]):
            continue
        needed[name] = needed.get(name, set()) | extras
        for text in installed[name]["requires"]:
            child = Requirement(text)
            contexts = [{**data["markers"], "extra": extra} for extra in needed[name] | {""}]
            if child.marker is None or any(child.marker.evaluate(env) for env in contexts):
                queue.append(child)
    return sorted((installed[name] for name in needed), key=lambda item: item["name"].lower())


def summarize_environment(data: dict, direct: list[str]) -> dict:
    packages = closure(data, direct)
    return {
        "python": data["python"],
        "direct": direct,
        "packages": [
            {key: item[key] for key in ("name", "version", "size_bytes", "python_lines")}
            for item in packages
        ],
        "package_count": len(packages),
        "size_bytes": sum(item["size_bytes"] for item in packages),
        "python_lines": sum(item["python_lines"] for item in packages),
    }


def bare_framework(twin: str, version: str) -> dict:
    """The framework alone, at the twin's version, in a throwaway environment."""
    requirement = f"{FRAMEWORKS[twin]}=={version}"
    with tempfile.TemporaryDirectory(prefix=f"bench-bare-{twin}-") as temporary:
        venv = Path(temporary) / "venv"
        subprocess.run([str(UV), "venv", "--quiet", "--python", "python3", str(venv)], check=True)
        install = [str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python")]
        subprocess.run([*install, requirement], check=True, capture_output=True)
        return summarize_environment(probe(venv / "bin" / "python"), [requirement])


def footprint() -> dict:
    """Each twin's runtime and each bare framework; a failure is reported, never guessed."""
    results: dict[str, dict] = {}
    for twin, requirements in TWIN_REQUIREMENTS.items():
        try:
            data = probe(ROOT / ".venv" / twin / "bin" / "python")
            results[f"{twin} twin"] = summarize_environment(data, direct_requirements(requirements))
            versions = {canonicalize_name(d["name"]): d["version"] for d in data["distributions"]}
            results[f"bare {FRAMEWORKS[twin]}"] = bare_framework(twin, versions[twin])
        except (OSError, KeyError, subprocess.CalledProcessError) as error:
            results.setdefault(f"{twin} twin", {"unavailable": str(error)})
            results.setdefault(f"bare {FRAMEWORKS[twin]}", {"unavailable": str(error)})
    return results
