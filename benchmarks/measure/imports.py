"""Import time of each twin's WSGI module, measured in the twin's own virtual environment."""

import subprocess

from benchmarks.report.analysis import summarize
from launcher import TWINS, twin_env

CODE = (
    "import importlib, sys, time\n"
    "start = time.perf_counter()\n"
    "importlib.import_module(sys.argv[1])\n"
    "print(time.perf_counter() - start, len(sys.modules))\n"
)


def import_time(twin: str, database_url: str, cpus: str, repeats: int = 5) -> dict:
    """Seconds to import the module gunicorn loads (interpreter start-up excluded), and modules."""
    spec = TWINS[twin]
    module = spec.wsgi_app.split(":")[0]
    env = twin_env(spec, database_url, DEBUG="0")
    command = ["taskset", "--cpu-list", cpus, str(spec.bin / "python"), "-c", CODE, module]
    seconds, modules = [], []
    for _ in range(repeats):
        result = subprocess.run(
            command, cwd=spec.workdir, env=env, capture_output=True, text=True, check=True
        )
        elapsed, loaded = result.stdout.split()
        seconds.append(float(elapsed))
        modules.append(int(loaded))
    return {"module": module, "seconds": summarize(seconds), "modules_loaded": max(modules)}
