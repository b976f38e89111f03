"""Inside the flask-fresh environment: defaults read off the installed Flask and Werkzeug, as JSON.

Usage: python introspect.py HASH_REPEATS (run from this directory, with PROBE_SECRET_KEY set).
"""

import contextlib
import importlib.util
import inspect
import json
import os
import platform
import statistics
import sys
import time
from importlib import metadata

import werkzeug.serving
from app_bare import app
from flask import render_template, render_template_string
from flask.cli import run_command
from werkzeug.routing import Map, Rule
from werkzeug.security import check_password_hash, generate_password_hash

SCRIPT = "<script>alert(1)</script>"


def threading_defaults():
    """flask run's --with-threads, what Flask.run passes to run_simple, and run_simple's own."""
    option = next(param for param in run_command.params if param.name == "with_threads")
    passed = {}
    real_run_simple = werkzeug.serving.run_simple
    werkzeug.serving.run_simple = lambda *args, **kwargs: passed.update(kwargs)
    os.environ.pop("FLASK_RUN_FROM_CLI", None)
    try:
        with contextlib.redirect_stdout(sys.stderr):  # the banner, kept off the JSON
            app.run()
    finally:
        werkzeug.serving.run_simple = real_run_simple
    signature = inspect.signature(real_run_simple)
    return {
        "run_command_with_threads_default": option.default,
        "app_run_threaded_default": passed.get("threaded"),
        "run_simple_threaded_default": signature.parameters["threaded"].default,
    }


def escaped(rendered):
    return "&lt;script&gt;" in rendered and SCRIPT not in rendered


def autoescape():
    """Is <script> escaped when rendered from each template extension, and from a string?"""
    with app.app_context():
        found = {
            f"autoescape_{ext}": escaped(render_template(f"escape.{ext}", value=SCRIPT))
            for ext in ("html", "txt", "j2")
        }
        found["autoescape_render_template_string"] = escaped(
            render_template_string("{{ value }}", value=SCRIPT)
        )
    return found


def password_hashing(repeats):
    """Werkzeug's default password hash: its method prefix and the median time of one hash."""
    times_ms, hashed = [], ""
    for _ in range(repeats):
        began = time.perf_counter()
        hashed = generate_password_hash("probe-password")
        times_ms.append((time.perf_counter() - began) * 1000)
    return {
        "password_hash_method": hashed.split("$", 1)[0],
        "password_hash_ms": round(statistics.median(times_ms), 2),
        "password_hash_verifies": check_password_hash(hashed, "probe-password"),
    }


def routing():
    """What Werkzeug's URL map hands back on a match, and whether Werkzeug has view classes."""
    urls = Map([Rule("/notes/<int:note_id>", endpoint="note")]).bind("localhost")
    endpoint, _arguments = urls.match("/notes/7")
    return {
        "werkzeug_rule_endpoint_is_string": isinstance(endpoint, str),
        "werkzeug_views_module_exists": importlib.util.find_spec("werkzeug.views") is not None,
    }


def marker_environment():
    """The values PEP 508 markers are evaluated against here (as packaging computes them)."""
    info = sys.implementation.version
    version = f"{info.major}.{info.minor}.{info.micro}"
    if info.releaselevel != "final":
        version += info.releaselevel[0] + str(info.serial)
    return {
        "implementation_name": sys.implementation.name,
        "implementation_version": version,
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "platform_python_implementation": platform.python_implementation(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
    }


def installed_requirements():
    """Every installed distribution's declared requirements, by distribution name."""
    return {dist.metadata["Name"]: dist.requires or [] for dist in metadata.distributions()}


if __name__ == "__main__":
    print(
        json.dumps(
            threading_defaults()
            | autoescape()
            | password_hashing(int(sys.argv[1]))
            | routing()
            | {"markers": marker_environment(), "requirements": installed_requirements()}
        )
    )
