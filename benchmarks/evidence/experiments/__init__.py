"""The experiments of the evidence report, one module each (see ../experiment.py)."""

import importlib
import pkgutil
from types import ModuleType


def all_experiments() -> dict[str, ModuleType]:
    """Every experiment module of this package, by its NAME."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found[module.NAME] = module
    return found
