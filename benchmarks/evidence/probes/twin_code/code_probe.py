"""Probe (a twin's own environment): the classes the twin's modules define, with their MROs, and
the environment's distributions with what each requires.

Arguments: the twin's module names. With DJANGO_SETTINGS_MODULE set, Django is set up first.
"""

import importlib
import inspect
import json
import os
import sys
from importlib import metadata


def defined_classes(module):
    """Classes defined at module level in that module (not imported into it)."""
    for name, value in vars(module).items():
        if inspect.isclass(value) and value.__module__ == module.__name__:
            yield {
                "module": module.__name__,
                "name": name,
                "mro": [f"{base.__module__}.{base.__qualname__}" for base in value.__mro__[1:]],
            }


def distributions():
    found = {}
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        found.setdefault(name, {"version": distribution.version,
                                "requires": distribution.requires or []})  # fmt: skip
    return found


def main(modules):
    if os.environ.get("DJANGO_SETTINGS_MODULE"):
        import django

        django.setup()
    loaded = [importlib.import_module(name) for name in modules]
    classes = [entry for module in loaded for entry in defined_classes(module)]
    print(json.dumps({
        "classes": classes,
        "distributions": distributions(),
        "packages": metadata.packages_distributions(),
    }))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
