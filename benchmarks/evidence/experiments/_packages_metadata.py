"""A probed environment's inventory read: requirements that hold, closures, sizes, lock subsets."""

import re

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

MIB = 2**20
LOCK_NAME = re.compile(r"[A-Za-z0-9._-]+")  # the name that starts an entry of a lock


def holds(requirement: str, markers: dict[str, str]) -> bool:
    """Whether a requirement applies on this platform when no extra is asked for."""
    marker = Requirement(requirement).marker
    return marker is None or marker.evaluate({**markers, "extra": ""})


def requirement_names(requires: list[str], markers: dict[str, str]) -> list[str]:
    """Sorted canonical names of the requirements that hold (no extras)."""
    return sorted({canonicalize_name(Requirement(text).name) for text in requires
                   if holds(text, markers)})  # fmt: skip


def by_name(inventory: dict) -> dict[str, dict]:
    return {canonicalize_name(item["name"]): item for item in inventory["distributions"]}


def closure(inventory: dict, root: str) -> list[str]:
    """Sorted names of root and every installed distribution it needs, transitively (no extras)."""
    installed = by_name(inventory)
    needed: set[str] = set()
    queue = [canonicalize_name(root)]
    while queue:
        name = queue.pop()
        if name in needed or name not in installed:
            continue
        needed.add(name)
        queue.extend(requirement_names(installed[name]["requires"], inventory["markers"]))
    return sorted(needed)


def total(inventory: dict, names: list[str], key: str) -> int:
    """The sum of one per-distribution count over the named distributions."""
    installed = by_name(inventory)
    return sum(installed[canonicalize_name(name)][key] for name in names)


def mib(count: int) -> float:
    return round(count / MIB, 3)


def lock_subset(lock_text: str, names: list[str]) -> str:
    """The entries of a hash-locked requirements file (with their hashes) for the named packages."""
    wanted = {canonicalize_name(name) for name in names}
    kept, keep = [], False
    for line in lock_text.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            keep = canonicalize_name(LOCK_NAME.match(line).group(0)) in wanted
        if keep and not line.lstrip().startswith("#"):
            kept.append(line)
    return "\n".join(kept) + "\n"


def freeze_count(freeze_output: str) -> int:
    """Distributions listed by `uv pip freeze` (one a line)."""
    lines = (line.strip() for line in freeze_output.splitlines())
    return sum(1 for line in lines if line and not line.startswith("#"))
