"""CPU time and peak memory of processes, read from Linux's /proc, and accounted over a window."""

import os
from pathlib import Path

PROC = Path("/proc")


def stat_fields(pid: int, proc: Path = PROC) -> tuple[int, int]:
    """(parent pid, utime + stime in clock ticks) of one process."""
    text = (proc / str(pid) / "stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])


def process_ids(proc: Path = PROC) -> list[int]:
    return [int(entry.name) for entry in proc.iterdir() if entry.name.isdigit()]


def children(pid: int, proc: Path = PROC) -> list[int]:
    """Direct children of pid (gunicorn's workers are its master's children)."""
    found = []
    for candidate in process_ids(proc):
        try:
            parent, _ = stat_fields(candidate, proc)
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
        if parent == pid:
            found.append(candidate)
    return sorted(found)


def descendants(pid: int, proc: Path = PROC) -> list[int]:
    """pid's children, their children, and so on."""
    found, queue = [], [pid]
    while queue:
        for child in children(queue.pop(), proc):
            found.append(child)
            queue.append(child)
    return sorted(found)


def cpu_ticks(pids: list[int], proc: Path = PROC) -> dict[str, int]:
    """utime + stime per pid (keys as strings, as they travel through JSON)."""
    ticks = {}
    for pid in pids:
        try:
            ticks[str(pid)] = stat_fields(pid, proc)[1]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return ticks


def peak_rss_kib(pid: int, proc: Path = PROC) -> int | None:
    """VmHWM: the highest resident set size the process has had, in KiB."""
    try:
        for line in (proc / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def worker_snapshot(master_pid: int, proc: Path = PROC) -> dict:
    """CPU ticks and peak RSS of each gunicorn worker (the master itself is left out)."""
    workers = children(master_pid, proc)
    peaks = {str(pid): peak_rss_kib(pid, proc) for pid in workers}
    return {"cpu_ticks": cpu_ticks(workers, proc), "peak_rss_kib": peaks}


def tree_snapshot(root_pid: int, proc: Path = PROC) -> dict:
    """CPU ticks of a process and all its descendants (locust and its --processes workers)."""
    return {"cpu_ticks": cpu_ticks([root_pid, *descendants(root_pid, proc)], proc)}


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
