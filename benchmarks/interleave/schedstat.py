"""Run time of processes (ns, /proc/<pid>/task/*/schedstat) and busy time of a CPU (/proc/stat)."""

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


BUSY_FIELDS = (0, 1, 2, 5, 6, 7)  # user, nice, system, irq, softirq, steal (not idle, iowait)


def cpu_busy_ticks(cpu: int, proc: Path = PROC) -> int | None:
    """Clock ticks one CPU has spent on anything but idling, from its /proc/stat line."""
    for line in (proc / "stat").read_text().splitlines():
        if line.startswith(f"cpu{cpu} "):
            fields = [int(value) for value in line.split()[1:]]
            return sum(fields[index] for index in BUSY_FIELDS if index < len(fields))
    return None
