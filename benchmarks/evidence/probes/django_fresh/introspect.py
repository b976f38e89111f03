"""What the fresh project shows from inside its own environment, printed as one JSON object.

Run by the django_fresh experiment with the environment's python, in the project directory, with
DJANGO_SETTINGS_MODULE=probe_settings and the database migrated:
`python introspect.py <project package> <timings>`.
"""

import importlib
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())  # the project directory, for its settings and the notes app

import django

django.setup()

from django.conf import global_settings  # noqa: E402
from django.contrib.auth.hashers import get_hasher, make_password  # noqa: E402
from django.contrib.auth.models import Group, Permission, User  # noqa: E402

RATE_LIMIT_WORDS = re.compile(r"throttl|ratelimit|rate_limit", re.IGNORECASE)


def password_hashing(timings: int) -> dict:
    """One real hash (its algorithm and cost are read from it) and the time each hash takes."""
    get_hasher()  # loads the default hasher, so the first timing is the hash alone
    seconds = []
    for _ in range(timings):
        began = time.perf_counter()
        encoded = make_password("correct horse battery staple")
        seconds.append(time.perf_counter() - began)
    return {
        "encoded": encoded,
        "ms": [s * 1000 for s in seconds],
        "median_ms": statistics.median(seconds) * 1000,
    }


def rate_limit_source_hits() -> int:
    """Python files of the installed django package whose text names throttling or rate limits."""
    root = Path(django.__file__).parent
    return sum(
        bool(RATE_LIMIT_WORDS.search(path.read_text(encoding="utf-8", errors="replace")))
        for path in root.rglob("*.py")
    )


def permission_check_works() -> bool:
    """A group granted notes.add_note lets its member add notes and nothing more."""
    permission = Permission.objects.get(content_type__app_label="notes", codename="add_note")
    group = Group.objects.create(name="note-writers")
    group.permissions.add(permission)
    member = User.objects.create_user("writer", password=None)
    member.groups.add(group)
    member = User.objects.get(pk=member.pk)  # a fresh instance: permissions are cached per object
    outsider = User.objects.create_user("outsider", password=None)
    return (
        member.has_perm("notes.add_note")
        and not member.has_perm("notes.delete_note")
        and not outsider.has_perm("notes.add_note")
    )


def main(project: str, timings: int) -> None:
    generated = importlib.import_module(f"{project}.settings")
    print(
        json.dumps(
            {
                "password": password_hashing(timings),
                "password_validators_startproject": len(generated.AUTH_PASSWORD_VALIDATORS),
                "password_validators_global_default": len(global_settings.AUTH_PASSWORD_VALIDATORS),
                "gzip_in_default_middleware": "django.middleware.gzip.GZipMiddleware"
                in generated.MIDDLEWARE,
                "rate_limit_source_hits": rate_limit_source_hits(),
                "auth_groups_permissions": permission_check_works(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
