"""Run time of processes in nanoseconds, from /proc/<pid>/task/<tid>/schedstat (first field)."""

from pathlib import Path

from benchmarks.measure.procstat import PROC


def run_time_ns(pid: int, proc: Path = PROC) -> int | None:
    """Nanoseconds all of a process's threads have run on a CPU; None when it is gone."""
    try:
        tasks = list((proc / str(pid) / "task").iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return None
    total = 0
    for task in tasks:
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            continue  # a thread that ended between the listing and the read
    return total


def total_run_time_ns(pids: list[int], proc: Path = PROC) -> int | None:
    """Sum over the processes; None when any of them is gone (its time would be lost)."""
    total = 0
    for pid in pids:
        used = run_time_ns(pid, proc)
        if used is None:
            return None
        total += used
    return total
