"""Run inside one environment: import every module its distributions install (fills __pycache__)."""

#     <env>/bin/python import_all.py        (standard library, and Django when it is installed)
#
# Every .py file a distribution's RECORD lists under site-packages is imported by its module name
# (its bytecode is written to __pycache__ as it is compiled, even when running it then fails);
# `__main__` modules are left out, as importing one runs a command line. When Django is installed,
# settings are first configured with the contrib apps that need no driver, so that models import.
# Prints JSON.

import contextlib
import importlib
import importlib.metadata
import importlib.util
import json
import sys
from pathlib import PurePosixPath


def module_name(record_path: str) -> str | None:
    """The module a RECORD path installs, or None for a file that is not an importable module."""
    path = PurePosixPath(record_path)
    if path.suffix != ".py" or path.stem == "__main__":
        return None
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    if not parts or not all(part.isidentifier() for part in parts):
        return None
    return ".".join(parts)


def configure_django() -> None:
    if importlib.util.find_spec("django") is None:
        return
    import django
    from django.conf import settings

    contrib = ["admin", "admindocs", "auth", "contenttypes", "flatpages", "humanize", "messages",
               "redirects", "sessions", "sitemaps", "sites", "staticfiles",
               "syndication"]  # fmt: skip
    settings.configure(
        INSTALLED_APPS=[f"django.contrib.{name}" for name in contrib],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    )
    with contextlib.suppress(Exception):
        django.setup()


def main() -> None:
    names = sorted(
        {
            name
            for distribution in importlib.metadata.distributions()
            for file in distribution.files or []
            if (name := module_name(str(file))) is not None
        }
    )
    failed = []
    with contextlib.redirect_stdout(sys.stderr):
        configure_django()
        for name in names:
            try:
                importlib.import_module(name)
            except BaseException:  # a module that cannot run here (no driver, no GDAL) is counted
                failed.append(name)
    print(json.dumps({"modules": len(names), "failed": len(failed), "failed_modules": failed}))


if __name__ == "__main__":
    main()
