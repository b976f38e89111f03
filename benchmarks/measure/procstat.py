"""CPU time and peak memory of processes (psutil and /proc), and accounted over a window."""

# psutil finds the processes and reads their CPU time (user + system, its cpu_times()). Two things
# psutil does not give are read from Linux's /proc: the peak resident set size (VmHWM in
# /proc/<pid>/status) and the run time in nanoseconds (/proc/<pid>/schedstat). Snapshots keep CPU
# time in clock ticks, as the kernel counts it and as the window records travel through JSON.

import os
from pathlib import Path

import psutil

PROC = Path("/proc")
GONE = (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied)


def children(pid: int) -> list[int]:
    """Direct children of pid (gunicorn's workers are its master's children)."""
    try:
        return sorted(child.pid for child in psutil.Process(pid).children())
    except GONE:
        return []


def descendants(pid: int) -> list[int]:
    """pid's children, their children, and so on."""
    try:
        return sorted(child.pid for child in psutil.Process(pid).children(recursive=True))
    except GONE:
        return []


def cpu_seconds_of(pid: int) -> float:
    """User + system CPU seconds of one process (its own, not its waited-for children's)."""
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def cpu_ticks(pids: list[int]) -> dict[str, int]:
    """User + system CPU time per pid, in clock ticks (keys as strings, as they travel in JSON)."""
    ticks, per_second = {}, ticks_per_second()
    for pid in pids:
        try:
            ticks[str(pid)] = round(cpu_seconds_of(pid) * per_second)
        except GONE:
            continue
    return ticks


def peak_rss_kib(pid: int, proc: Path = PROC) -> int | None:
    """VmHWM: the highest resident set size the process has had, in KiB."""
    try:
        for line in (proc / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def run_time_ns(pid: int, proc: Path = PROC) -> int | None:
    """Nanoseconds the process has run on a CPU (the first field of /proc/<pid>/schedstat)."""
    try:
        return int((proc / str(pid) / "schedstat").read_text().split()[0])
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return None


def worker_snapshot(master_pid: int) -> dict:
    """CPU ticks and peak RSS of each gunicorn worker (the master itself is left out)."""
    workers = children(master_pid)
    peaks = {str(pid): peak_rss_kib(pid) for pid in workers}
    return {"cpu_ticks": cpu_ticks(workers), "peak_rss_kib": peaks}


def tree_snapshot(root_pid: int) -> dict:
    """CPU ticks of a process and all its descendants (locust and its --processes workers)."""
    return {"cpu_ticks": cpu_ticks([root_pid, *descendants(root_pid)])}


def cpu_seconds(start: dict[str, int], end: dict[str, int], ticks_per_second: int) -> dict:
    """CPU used between two snapshots by the processes alive at the end.

    A process that appeared during the window is counted from zero; a process that vanished
    took its CPU time with it, so it is reported as lost rather than guessed.
    """
    used = sum(ticks - start.get(pid, 0) for pid, ticks in end.items())
    lost = sorted(set(start) - set(end))
    return {"seconds": used / ticks_per_second, "lost_processes": lost}


def ticks_per_second() -> int:
    return os.sysconf("SC_CLK_TCK")
