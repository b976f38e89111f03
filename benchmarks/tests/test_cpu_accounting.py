"""CPU accounting: processes and CPU time by psutil, peak RSS and run time from /proc, windows."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.measure.procstat import (
    children,
    cpu_seconds,
    cpu_ticks,
    descendants,
    peak_rss_kib,
    run_time_ns,
    ticks_per_second,
    tree_snapshot,
    worker_snapshot,
)
from benchmarks.report.analysis import GENERATOR_BOUND_SHARE, run_figures, window_figures

BURN = (
    "import subprocess, sys, time\n"
    "grandchild = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])\n"
    "while time.process_time() < 0.3:\n"
    "    pass\n"
    "print(grandchild.pid, flush=True)\n"
    "time.sleep(30)\n"
)


@pytest.fixture
def busy_child():
    """A child that has burnt 0.3 s of CPU and started a grandchild: (child pid, grandchild pid)."""
    child = subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE, text=True)
    grandchild = int(child.stdout.readline())
    yield child.pid, grandchild
    os.kill(grandchild, 9)
    child.kill()
    child.wait()


def kernel_ticks(pid: int) -> int:
    """utime + stime as the kernel writes them in /proc/<pid>/stat."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])


def test_children_and_descendants_of_the_current_process(busy_child):
    child, grandchild = busy_child
    assert child in children(os.getpid())
    assert grandchild not in children(os.getpid())
    assert {child, grandchild} <= set(descendants(os.getpid()))
    assert children(child) == [grandchild]


def test_cpu_ticks_are_the_kernels_user_and_system_ticks(busy_child):
    child, _ = busy_child
    ticks = cpu_ticks([child])
    assert ticks == {str(child): kernel_ticks(child)}
    assert ticks[str(child)] >= 0.25 * ticks_per_second()


def test_worker_snapshot_covers_the_children_only(busy_child):
    child, grandchild = busy_child
    snapshot = worker_snapshot(os.getpid())
    assert str(child) in snapshot["cpu_ticks"]
    assert str(grandchild) not in snapshot["cpu_ticks"]
    assert str(os.getpid()) not in snapshot["cpu_ticks"]
    assert snapshot["peak_rss_kib"][str(child)] > 1000
    assert {str(child), str(grandchild), str(os.getpid())} <= set(
        tree_snapshot(os.getpid())["cpu_ticks"]
    )


def test_a_vanished_process_has_no_children_and_no_cpu_ticks():
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert children(gone.pid) == []
    assert descendants(gone.pid) == []
    assert cpu_ticks([gone.pid]) == {}


def test_peak_rss_is_read_from_vmhwm(tmp_path):
    (tmp_path / "11").mkdir()
    (tmp_path / "11" / "status").write_text("Name:\tx\nVmRSS:\t40000 kB\nVmHWM:\t51200 kB\n")
    assert peak_rss_kib(11, tmp_path) == 51200
    assert peak_rss_kib(12, tmp_path) is None
    assert peak_rss_kib(os.getpid()) > 1000


def test_run_time_is_the_first_schedstat_field_in_nanoseconds(tmp_path):
    (tmp_path / "11").mkdir()
    (tmp_path / "11" / "schedstat").write_text("123456789 2000 7\n")
    assert run_time_ns(11, tmp_path) == 123456789
    assert run_time_ns(12, tmp_path) is None
    before = run_time_ns(os.getpid())
    started = time.process_time()
    while time.process_time() - started < 0.05:
        pass
    assert run_time_ns(os.getpid()) - before >= 40_000_000


def test_cpu_seconds_counts_new_processes_from_zero_and_reports_lost_ones():
    start = {"11": 100, "12": 50, "13": 10}
    end = {"11": 300, "12": 150, "14": 40}
    assert cpu_seconds(start, end, 100) == {"seconds": 3.4, "lost_processes": ["13"]}


def window(server_end: int, generator_end: int, seconds: float = 20.0) -> dict:
    return {
        "start": {"monotonic": 100.0, "server": {"cpu_ticks": {"11": 0, "12": 0},
                                                  "peak_rss_kib": {"11": 1, "12": 1}},
                  "generator": {"cpu_ticks": {"5": 0}}},
        "end": {"monotonic": 100.0 + seconds,
                "server": {"cpu_ticks": {"11": server_end // 2, "12": server_end // 2},
                           "peak_rss_kib": {"11": 51200, "12": 61440}},
                "generator": {"cpu_ticks": {"5": generator_end}}},
        "ticks_per_second": 100,
        "generator_cpus": 1,
    }  # fmt: skip


def test_server_cpu_per_request_divides_worker_cpu_by_requests():
    stats = {"requests": 4000, "failures": 0, "rps": 200.0, "endpoints": {}}
    figures = run_figures(stats, window(server_end=1800, generator_end=600))
    assert figures["server_cpu_s"] == 18.0
    assert figures["server_cpu_ms_per_request"] == 4.5
    assert figures["worker_peak_rss_mib"] == 60.0


def test_remote_twin_has_no_server_figures():
    record = window(server_end=0, generator_end=600)
    record["start"]["server"] = record["end"]["server"] = None
    figures = run_figures({"requests": 10, "failures": 0, "rps": 1.0, "endpoints": {}}, record)
    assert figures["server_cpu_ms_per_request"] is None
    assert figures["worker_peak_rss_mib"] is None


def test_generator_bound_flag_is_set_above_85_percent_of_its_cpus():
    assert GENERATOR_BOUND_SHARE == 0.85
    below = window_figures(window(server_end=1000, generator_end=1700))
    above = window_figures(window(server_end=1000, generator_end=1720))
    assert below["generator_cpu_share"] == 0.85
    assert below["generator_bound"] is False
    assert above["generator_bound"] is True


def test_generator_share_is_over_all_its_cpus():
    record = window(server_end=1000, generator_end=3000)
    record["generator_cpus"] = 2
    assert window_figures(record)["generator_cpu_share"] == 0.75


def test_postgresql_server_cpu_is_reported_apart_from_the_workers():
    record = window(server_end=1000, generator_end=600)
    record["start"]["database"] = {"cpu_ticks": {"70": 10, "71": 0}}
    record["end"]["database"] = {"cpu_ticks": {"70": 210, "71": 200}}
    stats = {"requests": 1000, "failures": 0, "rps": 50.0, "endpoints": {}}
    figures = run_figures(stats, record)
    assert figures["server_cpu_ms_per_request"] == 10.0
    assert figures["database_cpu_ms_per_request"] == 4.0
