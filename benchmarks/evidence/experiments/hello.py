"""The smallest app answering one JSON request in each framework: lines, commands, time, memory."""

# Flask: the quickstart app (probes/hello/hello.py). Django: startproject plus one view and its
# route (probes/hello/views.py), and the single-file form with settings.configure
# (probes/hello/hello_django.py). Each is served by gunicorn with one sync worker on 127.0.0.1.

import os
import shutil
import statistics
import time
from pathlib import Path

from benchmarks.evidence.envs import UV
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.experiments import _hello_apps as apps
from benchmarks.evidence.experiments import _hello_serve as serve
from benchmarks.evidence.experiments._probe_process import command_output, probe

NAME = "hello"
TITLE = "Each framework's smallest JSON app: lines, files, commands and seconds to a first 200, RSS"
ESTIMATE_S = (20, 60)
FRAMEWORKS = ("flask", "django")
FIRST_200_RUNS = {True: 1, False: 5}  # by quick
REPEATS = 5
WARM_REQUESTS = 200
COMMANDS = {fw: [command.typed for command in apps.commands(fw, Path("."))] for fw in FRAMEWORKS}
PYTHON_VERSION = "import platform; print(platform.python_version())"
SERVED = {"flask": "flask", "django": "django", "django_single_file": "django"}  # app -> its env
FIGURES = {
    "flask_hello_lines": "source lines typed in for the Flask app (pygount: no blank lines, "
    "comments or docstrings), count",
    "flask_hello_files": "files of the Flask app's directory, environment and lock left out",
    "django_hello_lines": "source lines typed in for the Django app: the view file and the lines "
    "added to startproject's urls.py (pygount), count",
    "django_hello_files": "files of the Django project: startproject's and the view's (count)",
    "django_hello_generated_lines": "source lines startproject wrote (pygount), count",
    "django_hello_total_lines": "source lines of the whole Django project once edited: "
    "startproject's and the typed ones (pygount), count",
    "django_hello_generated_physical_lines": "all lines startproject wrote, blank ones included",
    "django_single_file_lines": "source lines of the single-file Django app (pygount), count",
    "django_single_file_serves": "the single-file Django app answers a JSON 200 under gunicorn",
    **{
        f"{fw}_commands_to_first_200": f"shell commands typed from an empty directory to a "
        f"running server answering 200: {'; '.join(COMMANDS[fw])} (count; files typed in an "
        "editor are not commands, the request itself is made by a client)"
        for fw in FRAMEWORKS
    },
    **{f"{fw}_commands": "those commands, in order (list)" for fw in FRAMEWORKS},
    **{
        f"{fw}_first_200_s": "seconds from an empty directory (holding the lock) through uv venv, "
        "uv pip sync, the scaffolding and files, gunicorn's start, to the first JSON 200, after "
        "one untimed run (uv's cache warm); median of 5 runs (1 with --quick)"
        for fw in FRAMEWORKS
    },
    **{f"{fw}_first_200_runs_s": "each run of that, in order (list of s)" for fw in FRAMEWORKS},
    **{
        f"{app}_import_s": "seconds to import the module gunicorn loads, in a fresh interpreter "
        "(start-up left out, bytecode cached), median of 5"
        for app in SERVED
    },
    **{
        f"{app}_start_to_200_s": "seconds from starting gunicorn to the first JSON 200, median of 5"
        for app in SERVED
    },
    **{
        f"{app}_rss_mib": f"RSS of gunicorn's worker after {WARM_REQUESTS} warm requests (psutil), "
        "MiB, median of 5 servers"
        for app in SERVED
    },
}


def first_200(framework: str, home: Path, log: Path) -> dict:
    """One newcomer's run; the project's files before and after the newcomer's own typing."""
    apps.prepare(framework, home)
    *setup, server_command = apps.commands(framework, home)
    began = time.perf_counter()
    for command in setup:
        command_output(command.argv, timeout=300)
    generated = apps.project_files(home)
    apps.write_sources(framework, home)
    with serve.served(server_command.argv, home, log) as server:
        answered = serve.wait_first_200(server, log)
    return {"seconds": answered - began, "generated": generated,
            "project": apps.project_files(home)}  # fmt: skip


def serving(app: str, home: Path, work: Path) -> dict:
    """Import time, start to first 200 and warm worker RSS of one app, REPEATS times each."""
    python = home / ".venv" / "bin" / "python"
    module = apps.APPS[app].split(":")[0]
    imports = [probe(python, "hello/import_time.py", module, cwd=home)["seconds"]
               for _ in range(REPEATS)]  # fmt: skip
    starts, rss = [], []
    for index in range(REPEATS):
        log = work / f"{app}-serve-{index}.log"
        argv = [str(home / ".venv" / "bin" / "gunicorn"), apps.APPS[app]]
        with serve.served(argv, home, log) as server:
            starts.append(serve.wait_first_200(server, log) - server.started)
            serve.warm_up(server, WARM_REQUESTS)
            rss.append(serve.worker_rss_mib(server))
    return {f"{app}_import_s": round(statistics.median(imports), 4),
            f"{app}_start_to_200_s": round(statistics.median(starts), 3),
            f"{app}_rss_mib": round(statistics.median(rss), 2)}  # fmt: skip


def line_figures(runs: dict[str, dict], single_file: str) -> dict:
    figures = {}
    for fw, run_ in runs.items():
        written = apps.source_lines(run_["project"]) - apps.source_lines(run_["generated"])
        figures[f"{fw}_hello_lines"] = written
        figures[f"{fw}_hello_files"] = len(run_["project"])
    figures["django_hello_generated_lines"] = apps.source_lines(runs["django"]["generated"])
    figures["django_hello_total_lines"] = apps.source_lines(runs["django"]["project"])
    figures["django_hello_generated_physical_lines"] = apps.physical_lines(
        runs["django"]["generated"]
    )
    figures["django_single_file_lines"] = apps.source_lines({"hello_django.py": single_file})
    return figures


def warm_up(work: Path) -> None:
    """One untimed run of each app: uv's cache holds every wheel, the OS caches their files."""
    for fw in FRAMEWORKS:
        first_200(fw, work / f"warm-{fw}", work / f"warm-{fw}.log")
        shutil.rmtree(work / f"warm-{fw}")


def run(context: Context) -> Outcome:
    work = context.work
    load = os.getloadavg()
    context.say("hello: one untimed run of each app first")
    warm_up(work)
    seconds: dict[str, list[float]] = {fw: [] for fw in FRAMEWORKS}
    first_runs: dict[str, dict] = {}
    for index in range(FIRST_200_RUNS[context.quick]):
        for fw in FRAMEWORKS if index % 2 == 0 else FRAMEWORKS[::-1]:
            context.say(f"hello: {fw}, empty directory to first 200, run {index + 1}")
            home = work / f"{fw}-{index}"
            result = first_200(fw, home, work / f"{fw}-{index}.log")
            seconds[fw].append(round(result["seconds"], 3))
            if fw in first_runs:  # only the first run's directory is served again
                shutil.rmtree(home)
            first_runs.setdefault(fw, {**result, "home": home})
    single_file = (apps.SOURCES / "hello_django.py").read_text()
    (first_runs["django"]["home"] / "hello_django.py").write_text(single_file)
    figures = line_figures(first_runs, single_file)
    for fw in FRAMEWORKS:
        figures[f"{fw}_commands"] = COMMANDS[fw]
        figures[f"{fw}_commands_to_first_200"] = len(COMMANDS[fw])
        figures[f"{fw}_first_200_s"] = round(statistics.median(seconds[fw]), 3)
        figures[f"{fw}_first_200_runs_s"] = seconds[fw]
    notes = [
        "uv pip sync installs no bytecode: the first run of each app compiles its imports",
        "Django's project runs with startproject's settings (DEBUG on, no database used)",
        "timed runs follow one untimed run of each app (uv's cache and the OS's file cache warm)",
        "load average (1, 5, 15 min) at the start: " + ", ".join(f"{x:.2f}" for x in load),
    ]
    for app, env in SERVED.items():
        context.say(f"hello: {app}, import, start to first 200 and warm RSS")
        try:
            figures.update(serving(app, first_runs[env]["home"], work))
        except (RuntimeError, TimeoutError) as error:
            if app != "django_single_file":
                raise
            notes.append(f"the single-file Django app did not serve: {error}")
    figures["django_single_file_serves"] = "django_single_file_start_to_200_s" in figures
    homes = {fw: first_runs[fw]["home"] for fw in FRAMEWORKS}
    return Outcome(figures=figures, versions=installed_versions(homes), notes=notes)


def installed_versions(homes: dict[str, Path]) -> dict[str, str]:
    """Every distribution of each app's environment (uv pip freeze), the interpreter, and uv."""
    found = {}
    for home in homes.values():
        python = str(home / ".venv" / "bin" / "python")
        freeze = command_output([str(UV), "pip", "freeze", "--python", python])
        found.update(line.split("==", 1) for line in freeze.splitlines() if "==" in line)
        found["python"] = command_output([python, "-c", PYTHON_VERSION]).strip()
    found["uv"] = command_output([str(UV), "--version"]).split()[1]
    return found
