"""Runs the driver for one Target: under callgrind (instruction counts) or natively (cProfile)."""

# One process per target counts every kind: valgrind's start-up is paid once. valgrind runs with
# --dump-before=getppid and the driver calls os.getppid() twice per kind (after the warm-up, after
# the measured batch), so exactly two dumps per kind must appear: any other caller of getppid()
# would add dumps, and the run is refused. Byte code is cached under var/bench/pycache (the native
# runs fill it), so the counted process does not compile the framework at start-up.

import gzip
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.instructions.callgrind import read_total
from benchmarks.instructions.results import InstructionCount
from benchmarks.instructions.specs import RequestSpec
from benchmarks.load.snapshots import BENCH_VAR
from benchmarks.targets import Target

DRIVER = Path(__file__).resolve().parent / "driver.py"
PYCACHE = BENCH_VAR / "pycache"
VALGRIND = "/usr/bin/valgrind"
CALLGRIND_CONTROL = "/usr/bin/callgrind_control"
MARKER = "getppid"


@dataclass(frozen=True)
class ProfileRow:
    """One function of a native cProfile run: own seconds; a C function's callers' shares."""

    path: str
    function: str
    calls: int
    seconds: float
    callers: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True)
class DriverRun:
    labels: list[str]
    statuses: dict[str, int]
    versions: dict[str, str]
    profiles: dict[str, list[ProfileRow]]


def grouped(requests: list[RequestSpec]) -> dict[str, list[RequestSpec]]:
    kinds: dict[str, list[RequestSpec]] = {}
    for spec in requests:
        kinds.setdefault(spec.label, []).append(spec)
    return kinds


# Writes change the rows the next write meets (a favorite row, a longer comment list), so one
# write's count varies more than a read's; their batches are this many times longer.
WRITE_BATCH_FACTOR = 3


def batch_of(label: str, batch: int) -> int:
    """The measured batch of a kind: writes (POST, PUT, DELETE) get longer batches."""
    return batch * WRITE_BATCH_FACTOR if label.startswith(("POST", "PUT", "DELETE")) else batch


def framework_of(target: Target) -> str:
    """The framework whose version the driver records: named by the target, or none (WSGI)."""
    text = f"{target.name} {target.wsgi_app}"
    return next((name for name in ("flask", "django") if name in text), "none")


def run_driver(
    target: Target,
    requests: list[RequestSpec],
    work_dir: Path,
    mode: str,
    warmup: int,
    batch: int,
    prefix: list[str],
    progress: Callable[[str], None] | None = None,
    framework: str | None = None,
) -> DriverRun:
    """Write the job, run the driver (behind prefix: valgrind or nothing), read its output."""
    work_dir.mkdir(parents=True, exist_ok=True)
    kinds = grouped(requests)
    output = work_dir / f"{target.name}-{mode}-output.json"
    job = {
        "workdir": str(target.workdir),
        "wsgi_app": target.wsgi_app,
        "framework": framework or framework_of(target),
        "mode": mode,
        "output": str(output),
        "kinds": [
            {
                "label": label,
                "warmup": warmup,
                "n": batch_of(label, batch),
                "requests": [s.job() for s in specs],
            }
            for label, specs in kinds.items()
        ],
    }
    go_file = work_dir / f"{target.name}-{mode}.go" if mode == "callgrind" else None
    if go_file is not None:
        go_file.unlink(missing_ok=True)
        job["go_file"] = str(go_file)
    job_path = work_dir / f"{target.name}-{mode}-job.json"
    job_path.write_text(json.dumps(job))
    env = target.environment(PYTHONHASHSEED="0", PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [*prefix, str(target.python), str(DRIVER), str(job_path)]
    log_path = work_dir / f"{target.name}-{mode}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=target.workdir, env=env, stdout=subprocess.PIPE, stderr=log, text=True
        )
        for line in process.stdout:
            if line.strip() == "ready" and go_file is not None:
                instrument(process.pid)
                go_file.touch()
            if progress and line.startswith("done "):
                progress(line[5:].strip())
        returncode = process.wait()
    if returncode != 0:
        tail = log_path.read_text()[-3000:]
        raise RuntimeError(f"{target.name}: the {mode} driver exited {returncode}\n{tail}")
    record = json.loads(output.read_text())
    profiles = {
        kind["label"]: [
            ProfileRow(path, function, calls, seconds, tuple(map(tuple, callers)))
            for path, function, calls, seconds, callers in kind["profile"]
        ]
        for kind in record["kinds"]
        if kind["profile"] is not None
    }
    statuses = {kind["label"]: kind["status"] for kind in record["kinds"]}
    return DriverRun(list(kinds), statuses, record["versions"], profiles)


def instrument(pid: int) -> None:
    """Turn callgrind's instrumentation on in the process with this pid (and only in it)."""
    command = [CALLGRIND_CONTROL, "--instr=on", str(pid)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or f"PID {pid}" not in result.stdout:
        raise RuntimeError(f"callgrind_control could not reach {pid}: {result.stdout}")


def dump_files(out_file: Path) -> list[Path]:
    """callgrind's numbered dumps of one run (out.1, out.2, ...), in order."""
    pattern = re.compile(re.escape(out_file.name) + r"\.(\d+)$")
    found = [(int(m[1]), p) for p in out_file.parent.iterdir() if (m := pattern.match(p.name))]
    return [path for _, path in sorted(found)]


@dataclass(frozen=True)
class CallgrindRun:
    """Counts per kind, the kept (gzipped) batch dumps, the interpreter and framework versions."""

    counts: dict[str, InstructionCount]
    kept: dict[str, Path]
    versions: dict[str, str]


def count_requests(
    target: Target, requests: list[RequestSpec], raw_dir: Path, **options
) -> dict[str, InstructionCount]:
    """Instructions per request of every labelled kind (requests of one label taken in turn)."""
    return count_kinds(target, requests, raw_dir, **options).counts


def count_kinds(
    target: Target,
    requests: list[RequestSpec],
    raw_dir: Path,
    *,
    warmup: int = 3,
    batch: int = 10,
    keep: frozenset[str] = frozenset(),
    cpu: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> CallgrindRun:
    """One callgrind process for the target counts every kind; keeps the dumps of labels in keep."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    out_file = raw_dir / f"callgrind.{target.name}.out"
    for stale in [out_file, *dump_files(out_file)]:
        stale.unlink(missing_ok=True)
    prefix = [VALGRIND, "--tool=callgrind", "--instr-atstart=no", f"--dump-before={MARKER}"]
    prefix += ["--dump-line=no"]
    prefix += [f"--callgrind-out-file={out_file}"]
    if cpu is not None:
        prefix = ["taskset", "--cpu-list", str(cpu), *prefix]
    run = run_driver(target, requests, raw_dir, "callgrind", warmup, batch, prefix, progress)
    dumps = dump_files(out_file)
    if len(dumps) != 2 * len(run.labels):
        raise RuntimeError(
            f"{target.name}: {len(dumps)} callgrind dumps for {len(run.labels)} kinds (expected"
            f" two each): something else calls {MARKER}(), the batches cannot be told apart"
        )
    counts, kept = {}, {}
    for index, label in enumerate(run.labels):
        warm, measured = dumps[2 * index], dumps[2 * index + 1]
        size = batch_of(label, batch)
        counts[label] = InstructionCount(label, size, read_total(measured), run.statuses[label])
        warm.unlink()
        if label in keep:
            kept[label] = raw_dir / f"callgrind.{target.name}.{slug(label)}.out.gz"
            with measured.open("rb") as source, gzip.open(kept[label], "wb") as target_file:
                shutil.copyfileobj(source, target_file)
        measured.unlink()
    out_file.unlink(missing_ok=True)
    return CallgrindRun(counts, kept, run.versions)


def profile_requests(
    target: Target, requests: list[RequestSpec], work_dir: Path, *, warmup: int = 3, batch: int = 20
) -> tuple[dict[str, list[ProfileRow]], dict[str, str]]:
    """A native run of the same driver with cProfile around each kind's measured batch."""
    run = run_driver(target, requests, work_dir, "profile", warmup, batch, [])
    return run.profiles, run.versions


def slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
