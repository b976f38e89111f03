"""Folds per-function costs into parts: callgrind's by object file, cProfile's by Python layer."""

# Both tables are the same for both twins; the first matching rule wins. Python functions are
# invisible to callgrind on 3.11 (the interpreter's C functions carry their cost), so the layers
# come from cProfile: own time of each Python function folded by its file's path. A C function
# (cProfile's "~" rows) counts to the layers of its callers, in proportion to the time it spent
# for each, except sqlite3's cursor and connection methods, which are SQLite itself.

import re
from collections import defaultdict

from benchmarks.instructions.callgrind import CallgrindDump
from benchmarks.instructions.results import CostShare
from benchmarks.instructions.runner import ProfileRow

SQLITE_OBJECTS = "SQLite (libsqlite3 + _sqlite3)"
# (part, object file pattern, function name pattern): None matches anything.
OBJECT_RULES: list[tuple[str, str | None, str | None]] = [
    ("_sre (regular expressions)", r"_sre", None),
    ("_sre (regular expressions)", r"libpython", r"^_?sre_|^_sre|^pattern_|^SRE_|^sre_"),
    ("json", r"_json", None),
    ("hashing", r"libcrypto|_hashlib|_sha\d|_md5|_blake2", None),
    ("hashing", r"libpython", r"sha\d|_blake2|hmac|md5"),
    ("markupsafe speedups", r"markupsafe", None),
    (SQLITE_OBJECTS, r"libsqlite3|_sqlite3", None),
    ("psycopg / libpq", r"psycopg|libpq", None),
    ("libc / malloc", r"libc\.so|libc-|ld-linux|libm\.so", None),
    ("libpython (interpreter)", r"libpython|/bin/python", None),
    ("other", None, None),
]

# (layer, pattern on cProfile's file path, or on "~ <function>" for C functions).
LAYER_RULES: list[tuple[str, str]] = [
    ("SQLite itself", r"^~ .*sqlite3\."),
    (
        "template engine",
        r"/(django/template|django/templatetags|jinja2|markupsafe)/|/templates/"
        r"|django/utils/(html|safestring|formats|dateformat|numberformat|text)\.py",
    ),
    ("ORM and database driver", r"/(django/db|sqlalchemy|flask_sqlalchemy|psycopg|sqlite3)/"),
    (
        "request/response",
        r"/(django/http|werkzeug/(wrappers|sansio|datastructures|http\.py|urls\.py|wsgi\.py)"
        r"|flask/(wrappers|json)|django/core/handlers/wsgi\.py|django/utils/(http|encoding)\.py)",
    ),
    (
        "routing and middleware",
        r"/(django/(urls|middleware|core/handlers|contrib/(sessions|auth|messages)|core/signing)"
        r"|corsheaders|whitenoise|flask/|werkzeug/routing|flask_login|flask_wtf|flask_cors"
        r"|itsdangerous|jwt)",
    ),
    ("the twin's own code", r"/(django_impl|flask_impl)/"),
    (
        "framework utilities (lazy objects, context locals, i18n, time zones)",
        r"/(django/utils/|asgiref/|werkzeug/local\.py|werkzeug/utils\.py|babel/|pytz/|zoneinfo/)",
    ),
    ("other", r""),
]

OBJECT_COMPILED = [
    (part, re.compile(obj) if obj else None, re.compile(fn) if fn else None)
    for part, obj, fn in OBJECT_RULES
]
LAYER_COMPILED = [(layer, re.compile(pattern)) for layer, pattern in LAYER_RULES]


def object_part(obj: str, function: str) -> str:
    for part, obj_pattern, fn_pattern in OBJECT_COMPILED:
        if obj_pattern and not obj_pattern.search(obj):
            continue
        if fn_pattern and not fn_pattern.search(function):
            continue
        return part
    return "other"


def layer_of(path: str, function: str = "") -> str:
    subject = f"~ {function}" if path == "~" else path
    for layer, pattern in LAYER_COMPILED:
        if pattern.search(subject):
            return layer
    return "other"


def shares(costs: dict[str, float], per: float, scale: float) -> list[CostShare]:
    """Parts largest first; per_request = cost / per, scaled so the parts sum to scale."""
    whole = sum(costs.values()) or 1.0
    return [
        CostShare(part, scale * cost / whole if scale else cost / per, cost / whole)
        for part, cost in sorted(costs.items(), key=lambda item: -item[1])
    ]


def fold_objects(dump: CallgrindDump) -> dict[str, int]:
    folded: dict[str, int] = defaultdict(int)
    for (obj, function), cost in dump.self_cost.items():
        folded[object_part(obj, function)] += cost
    return dict(folded)


def top_functions(dump: CallgrindDump, limit: int = 12) -> dict[str, int]:
    ranked = sorted(dump.self_cost.items(), key=lambda item: -item[1])[:limit]
    return {f"{function} ({obj.rsplit('/', 1)[-1]})": cost for (obj, function), cost in ranked}


def fold_layers(rows: list[ProfileRow]) -> dict[str, float]:
    """Own seconds per layer; a C function's own time goes to its callers' layers."""
    folded: dict[str, float] = defaultdict(float)
    for row in rows:
        if row.path != "~":
            folded[layer_of(row.path)] += row.seconds
            continue
        direct = layer_of(row.path, row.function)
        called_for = sum(seconds for _, _, seconds in row.callers)
        if direct != "other" or called_for <= 0:
            folded[direct] += row.seconds
            continue
        for path, function, seconds in row.callers:
            folded[layer_of(path, function)] += row.seconds * seconds / called_for
    return dict(folded)


SQLITE_LAYER, DRIVER_LAYER = "SQLite itself", "ORM and database driver"


def with_exact_sqlite(layers: dict[str, float], sqlite: float) -> dict[str, float]:
    """Layers (instructions) with SQLite itself set to callgrind's exact SQLite cost.

    cProfile sees a C call only when a builtin is called as such; SQLite work reached otherwise
    (a cursor subclass calling up to sqlite3.Cursor) is inside the driver's Python functions, the
    only way into SQLite. That hidden part comes out of the driver layer; the other layers are
    then scaled so that the total stays the same.
    """
    total = sum(layers.values())
    adjusted = dict(layers)
    hidden = max(0.0, sqlite - adjusted.get(SQLITE_LAYER, 0.0))
    adjusted[DRIVER_LAYER] = max(0.0, adjusted.get(DRIVER_LAYER, 0.0) - hidden)
    adjusted.pop(SQLITE_LAYER, None)
    rest = sum(adjusted.values())
    scale = (total - sqlite) / rest if rest else 0.0
    result = {layer: cost * scale for layer, cost in adjusted.items()}
    result[SQLITE_LAYER] = sqlite
    return result
