"""CPU accounting from /proc: stat parsing, children of gunicorn's master, window arithmetic."""

from benchmarks.measure.procstat import (
    children,
    cpu_seconds,
    peak_rss_kib,
    stat_fields,
    worker_snapshot,
)
from benchmarks.report.analysis import GENERATOR_BOUND_SHARE, run_figures, window_figures


def fake_process(proc, pid, ppid, utime, stime, name="gunicorn: worker [x]", hwm=None):
    """A /proc/<pid> with a stat line laid out as the kernel writes it (comm may hold spaces)."""
    directory = proc / str(pid)
    directory.mkdir(parents=True)
    fields = ["S", str(ppid)] + ["0"] * 9 + [str(utime), str(stime)] + ["0"] * 20
    (directory / "stat").write_text(f"{pid} ({name}) " + " ".join(fields) + "\n")
    status = f"Name:\tx\nVmHWM:\t{hwm} kB\n" if hwm else "Name:\tx\n"
    (directory / "status").write_text(status)


def test_stat_fields_reads_parent_and_cpu_ticks_even_with_spaces_in_the_name(tmp_path):
    fake_process(tmp_path, 42, 7, utime=150, stime=30, name="python (gunicorn) x")
    assert stat_fields(42, tmp_path) == (7, 180)


def test_workers_are_the_masters_children_only(tmp_path):
    fake_process(tmp_path, 10, 1, 5, 5)
    fake_process(tmp_path, 11, 10, 100, 20, hwm=51200)
    fake_process(tmp_path, 12, 10, 80, 10, hwm=40960)
    fake_process(tmp_path, 13, 99, 1000, 0)
    assert children(10, tmp_path) == [11, 12]
    snapshot = worker_snapshot(10, tmp_path)
    assert snapshot["cpu_ticks"] == {"11": 120, "12": 90}
    assert peak_rss_kib(11, tmp_path) == 51200


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
