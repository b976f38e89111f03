"""What the harness measures: a WSGI app in its own virtual environment, a twin or a small app.

Every method (instruction counts in-process, interleaved timing under gunicorn, sequential load
runs) takes a Target, so the twins, the hello-worlds, the extension ladder and the floors are all
driven the same way. A Target duck-types launcher.Twin (name, bin, workdir, wsgi_app), so
launcher.serve() serves it under gunicorn with the twins' settings.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from launcher import ROOT, TWINS


@dataclass(frozen=True)
class Target:
    """One WSGI app: its environment's interpreter, where it runs from, and its extra variables."""

    name: str
    venv: Path
    workdir: Path
    wsgi_app: str  # "module:callable", as gunicorn takes it
    env: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    @property
    def python(self) -> Path:
        return self.bin / "python"

    def environment(self, **extra: str) -> dict[str, str]:
        """The process environment to run it in: the twins' production defaults, then its own."""
        base = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("VIRTUAL_ENV", "TWINS_", "PYTHONPATH"))
        }
        base.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", DEBUG="0")
        return {**base, **self.env, **extra}


def twin_target(name: str, database_url: str, secret_key: str, **extra: str) -> Target:
    """A twin as a Target, on the given database and with the invocation's secret key."""
    twin = TWINS[name]
    env = {"DATABASE_URL": database_url, "SECRET_KEY": secret_key, "DEBUG": "0", **extra}
    return Target(name, ROOT / ".venv" / name, twin.workdir, twin.wsgi_app, env)
