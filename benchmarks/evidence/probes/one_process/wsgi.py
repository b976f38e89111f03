"""Both twins in one WSGI process, Django under /django and Flask under /flask: `wsgi:application`.

Werkzeug's DispatcherMiddleware picks the twin by the path's first segment and moves it from
PATH_INFO to SCRIPT_NAME; any other path gets a plain 404 from a small root app. Every response
carries `X-Worker-Pid`, added here (never by the twins), so a client can tell which worker
process answered.

Each twin reads its settings from the environment (DATABASE_URL, SECRET_KEY, ...). The variables
meant for one twin arrive prefixed (`MOUNT_DJANGO_DATABASE_URL`, `MOUNT_FLASK_SECRET_KEY`, ...):
before a twin is imported they are set under their plain names, and restored afterwards. That is
enough because neither twin reads them later: Django reads its settings module once, when
`config.wsgi` calls `get_wsgi_application()` (django.setup()), and Flask's twin reads them when
`flask_impl.config` is imported and `create_app()` runs.
"""

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from werkzeug.middleware.dispatcher import DispatcherMiddleware

ROOT = Path(__file__).resolve().parents[4]
# The Django twin's apps are top-level packages of django_impl/ (`config`, `blog`, ...); the
# Flask twin is the package `flask_impl` at the repository's root. Their names do not collide.
sys.path[:0] = [str(ROOT / "django_impl"), str(ROOT)]

# prefix -> (twin, module holding its WSGI app, the app's name in it)
MOUNTS = {
    "/django": ("django", "config.wsgi", "application"),
    "/flask": ("flask", "flask_impl.wsgi", "app"),
}
PID_HEADER = "X-Worker-Pid"


@contextmanager
def twin_environment(twin: str) -> Iterator[None]:
    """os.environ with this twin's `MOUNT_<TWIN>_<NAME>` variables set as `<NAME>`."""
    prefix = f"MOUNT_{twin.upper()}_"
    own = {key.removeprefix(prefix): value for key, value in os.environ.items()
           if key.startswith(prefix)}  # fmt: skip
    saved = {key: os.environ.get(key) for key in own}
    os.environ.update(own)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def load_twin(twin: str, module: str, attribute: str) -> Callable:
    with twin_environment(twin):
        return getattr(importlib.import_module(module), attribute)


def not_found(environ: dict, start_response: Callable) -> Iterable[bytes]:
    body = b"Not Found: this process serves /django/ and /flask/ only.\n"
    start_response(
        "404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))]
    )
    return [body]


def with_worker_pid(app: Callable) -> Callable:
    """The app, with the answering process's pid (read per request) in a response header."""

    def wrapped(environ: dict, start_response: Callable) -> Iterable[bytes]:
        def start(status: str, headers: list, exc_info=None):
            return start_response(status, [*headers, (PID_HEADER, str(os.getpid()))], exc_info)

        return app(environ, start)

    return wrapped


application = DispatcherMiddleware(
    not_found, {prefix: load_twin(*mount) for prefix, mount in MOUNTS.items()}
)
application = with_worker_pid(application)
