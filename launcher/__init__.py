"""Start a twin under gunicorn with a migrated (and optionally seeded) database.

Used by the shared suite, `make run`, `make serve` and the benchmarks. Imports neither twin.
"""

from launcher.databases import drop_postgres_database, fresh_database, sqlite_url
from launcher.ports import PortInUse, ensure_port_free, free_port
from launcher.twins import (
    ROOT,
    SEED,
    TWINS,
    RunningTwin,
    Twin,
    provision,
    running_twin,
    serve,
    stop_process,
    twin_env,
)

__all__ = [
    "ROOT",
    "SEED",
    "TWINS",
    "PortInUse",
    "RunningTwin",
    "Twin",
    "drop_postgres_database",
    "ensure_port_free",
    "free_port",
    "fresh_database",
    "provision",
    "running_twin",
    "serve",
    "sqlite_url",
    "stop_process",
    "twin_env",
]
