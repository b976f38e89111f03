"""What the code probe's output says: framework subclasses, the distributions the twin's forms and
accounts code need, and requirement closures (markers evaluated here, no extras)."""

import ast
import re
from collections.abc import Iterable
from pathlib import Path

from packaging.requirements import Requirement

# The top-level packages whose classes count as the framework's, per twin. Flask's routing and
# templates live in Werkzeug and Jinja2, which Flask requires; Django holds its own.
FRAMEWORK_PACKAGES = {
    "django": {"django"},
    "flask": {"flask", "werkzeug", "jinja2", "flask_wtf", "wtforms", "flask_sqlalchemy",
              "sqlalchemy", "flask_login"},
}  # fmt: skip
FRAMEWORK_DISTRIBUTION = {"django": "django", "flask": "flask"}


def normalize(name: str) -> str:
    """A distribution name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def top_level(dotted: str) -> str:
    return dotted.split(".", 1)[0]


def requirements_of(distributions: dict, name: str) -> list[str]:
    """Names a distribution requires on this platform, without extras."""
    entry = {normalize(key): value for key, value in distributions.items()}.get(normalize(name))
    found = []
    for text in (entry or {}).get("requires", []):
        requirement = Requirement(text)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            found.append(normalize(requirement.name))
    return found


def closure(distributions: dict, roots: Iterable[str]) -> set[str]:
    """The roots and everything they require, transitively."""
    seen, pending = set(), [normalize(root) for root in roots]
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(requirements_of(distributions, name))
    return seen


def distributions_of(modules: Iterable[str], probe: dict) -> set[str]:
    """The installed distributions providing these modules (the standard library and the twin's
    own modules belong to none)."""
    found = set()
    for module in modules:
        found.update(normalize(name) for name in probe["packages"].get(top_level(module), []))
    return found


def framework_closure(twin: str, probe: dict) -> set[str]:
    """The framework's distribution and what it requires."""
    return closure(probe["distributions"], [FRAMEWORK_DISTRIBUTION[twin]])


def beyond_framework(twin: str, probe: dict, distributions: set[str]) -> list[str]:
    """Those distributions and what they require, less the framework and what it requires."""
    return sorted(closure(probe["distributions"], distributions) - framework_closure(twin, probe))


def subclasses_framework(twin: str, entry: dict) -> bool:
    return any(top_level(base) in FRAMEWORK_PACKAGES[twin] for base in entry["mro"])


def generic_share(twin: str, probe: dict) -> tuple[int, int]:
    """(classes that subclass a framework class, classes defined) in the twin's modules."""
    classes = probe["classes"]
    return sum(subclasses_framework(twin, entry) for entry in classes), len(classes)


def forms_distributions(twin: str, probe: dict) -> list[str]:
    """Distributions beyond the framework that the base classes of the forms modules' classes
    come from, with what they require."""
    bases = {
        base for entry in probe["classes"] if entry["module"].rsplit(".", 1)[-1] == "forms"
        for base in entry["mro"]
    }  # fmt: skip
    return beyond_framework(twin, probe, distributions_of(bases, probe))


def imported_modules(files: Iterable[Path]) -> set[str]:
    """Absolute module names imported by the files (relative imports are the twin's own)."""
    found = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return found


def imported_distributions(twin: str, probe: dict, files: Iterable[Path]) -> list[str]:
    """Distributions the files import directly, other than the framework and what it requires."""
    return sorted(distributions_of(imported_modules(files), probe) - framework_closure(twin, probe))
