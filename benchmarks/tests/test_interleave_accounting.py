"""Per-window CPU accounting of interleaved runs, from the snapshots taken at window boundaries."""

from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.interleave.accounting import (
    Boundary,
    cycles_per_pair_for,
    pair_ratios,
    pooled_cpu_ms_per_request,
    window_figures,
)
from benchmarks.interleave.schedstat import run_time_ns, total_run_time_ns
from benchmarks.interleave.schedule import make_schedule

TWO = make_schedule(2, 0.5, warmup_s=1, measured_s=2)  # measured 2..5, boundaries 2..7
# Cumulative at the start of windows 2..7. Target 0 owns windows 2 and 4, target 1 owns 3 and 5;
# each spills a little work (and requests) into the window after its own.
CPU_MS = {0: [100, 400, 450, 700, 720, 720], 1: [80, 90, 330, 350, 600, 640]}
REQUESTS = {0: [10, 110, 120, 200, 210, 210], 1: [5, 6, 96, 106, 186, 196]}
FAILURES = {0: [0, 2, 3, 3, 3, 3], 1: [0, 0, 0, 1, 1, 1]}
GENERATOR_S = [0.0, 0.1, 0.2, 0.65, 0.7, 0.8]  # window 4 uses 0.45 s of 0.5: generator-bound


def ns(ms: int | None) -> int | None:
    return None if ms is None else ms * 10**6


def boundaries(cpu_ms=CPU_MS, targets=2, first=2) -> list[Boundary]:
    return [
        Boundary(
            window=first + row,
            monotonic=10.0 + 0.5 * row,
            cpu_ns=tuple(ns(cpu_ms[t][row]) for t in range(targets)),
            requests=tuple(REQUESTS[t % 2][row] for t in range(targets)),
            failures=tuple(FAILURES[t % 2][row] for t in range(targets)),
            generator_cpu_ns=int(GENERATOR_S[row] * 1e9),
        )
        for row in range(len(cpu_ms[0]))
    ]


def test_a_window_runs_from_its_start_to_its_targets_next_window_so_the_spill_is_its_own():
    figures = window_figures(TWO, boundaries(), generator_cpus=1)
    assert [(f.window, f.cycle, f.target) for f in figures] == [(2, 0, 0), (3, 0, 1), (4, 1, 0),
                                                                (5, 1, 1)]  # fmt: skip
    assert [f.cpu_ms for f in figures] == pytest.approx([350, 260, 270, 290])
    assert [f.requests for f in figures] == [110, 100, 90, 90]
    assert [f.failures for f in figures] == [3, 1, 0, 0]
    assert figures[0].cpu_ms_per_request == pytest.approx(350 / 110)


def test_the_generator_share_is_per_window_and_flags_a_generator_bound_one():
    figures = window_figures(TWO, boundaries(), generator_cpus=1)
    assert [f.generator_share for f in figures] == pytest.approx([0.2, 0.2, 0.9, 0.1])
    assert [f.generator_bound for f in figures] == [False, False, True, False]
    two_cpus = window_figures(TWO, boundaries(), generator_cpus=2)
    assert two_cpus[2].generator_share == pytest.approx(0.45)
    assert not two_cpus[2].generator_bound


def test_pairs_are_taken_cycle_by_cycle_and_pooled_is_total_cpu_over_total_requests():
    figures = window_figures(TWO, boundaries(), generator_cpus=1)
    assert pair_ratios(figures, target=1, baseline=0) == pytest.approx(
        [(260 / 100) / (350 / 110), (290 / 90) / (270 / 90)]
    )
    assert pooled_cpu_ms_per_request(figures, 0) == pytest.approx(620 / 200)
    assert pooled_cpu_ms_per_request(figures, 1) == pytest.approx(550 / 190)


def test_a_worker_gone_at_a_boundary_leaves_its_windows_without_cpu_and_without_a_pair():
    lost = {0: CPU_MS[0], 1: [80, 90, 330, None, 600, 640]}
    figures = window_figures(TWO, boundaries(lost), generator_cpus=1)
    assert [f.cpu_ms for f in figures][1:] == [None, 270, None]
    assert figures[1].cpu_ms_per_request is None
    assert pair_ratios(figures, target=1, baseline=0) == []
    assert pooled_cpu_ms_per_request(figures, 1) is None


def test_with_three_targets_a_window_ends_three_windows_later():
    three = make_schedule(3, 0.5, warmup_s=1.5, measured_s=1.5)  # measured 3..5, boundaries 3..8
    cpu_ms = {t: [0, 100 * (t + 1), 200 * (t + 1), 300 * (t + 1), 400 * (t + 1), 500 * (t + 1)]
              for t in range(3)}  # fmt: skip
    figures = window_figures(three, boundaries(cpu_ms, targets=3, first=3), generator_cpus=1)
    # target t's window 3 + t runs from boundary row t to row t + 3: 300 ms times (t + 1)
    assert [f.cpu_ms for f in figures] == pytest.approx([300, 600, 900])
    assert [f.target for f in figures] == [0, 1, 2]


def test_a_missing_boundary_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="window"):
        window_figures(TWO, boundaries()[:-1], generator_cpus=1)


def fake_task(proc: Path, pid: int, tid: int, run_ns: int) -> None:
    task = proc / str(pid) / "task" / str(tid)
    task.mkdir(parents=True)
    (task / "schedstat").write_text(f"{run_ns} 12345 67\n")


def test_run_time_is_the_first_schedstat_field_summed_over_threads(tmp_path):
    fake_task(tmp_path, 10, 10, 1_500_000)
    fake_task(tmp_path, 10, 11, 250_000)
    fake_task(tmp_path, 20, 20, 1_000)
    assert run_time_ns(10, tmp_path) == 1_750_000
    assert total_run_time_ns([10, 20], tmp_path) == 1_751_000
    assert run_time_ns(30, tmp_path) is None
    assert total_run_time_ns([10, 30], tmp_path) is None


def test_pairs_of_two_cycles_pool_each_side_before_dividing():
    figures = window_figures(TWO, boundaries(), generator_cpus=1)
    flask, django = (260 + 290) / (100 + 90), (350 + 270) / (110 + 90)
    assert pair_ratios(figures, 1, 0, cycles_per_pair=2) == pytest.approx([flask / django])
    # a last block shorter than the others is left out
    assert pair_ratios(figures, 1, 0, cycles_per_pair=3) == []


def test_a_pair_spans_enough_cycles_for_the_quieter_target_to_reach_the_minimum():
    figures = window_figures(TWO, boundaries(), generator_cpus=1)  # medians: 100 and 95 requests
    assert cycles_per_pair_for(figures, min_requests=50) == 1
    assert cycles_per_pair_for(figures, min_requests=95) == 1
    assert cycles_per_pair_for(figures, min_requests=96) == 2
    assert cycles_per_pair_for(figures, min_requests=400) == 5
    assert cycles_per_pair_for([], min_requests=400) == 1


def with_core_busy(rows: list[Boundary], busy_ticks: list[int]) -> list[Boundary]:
    return [replace(row, core_busy_ticks=busy) for row, busy in zip(rows, busy_ticks, strict=True)]


def test_the_server_cpu_s_other_work_is_its_busy_time_less_every_target_s_workers():
    rows = with_core_busy(boundaries(), [0, 40, 70, 110, 150, 190])
    figures = window_figures(TWO, rows, generator_cpus=1, ticks_per_second=100)
    # window 2 runs from row 0 to row 2 (1 s): CPU busy 0.70 s, both targets' workers 0.60 s
    assert figures[0].foreign_share == pytest.approx(0.70 - (450 + 330 - 100 - 80) / 1000)
    assert figures[1].foreign_share == pytest.approx(0.70 - (700 + 350 - 400 - 90) / 1000)
    assert window_figures(TWO, boundaries(), generator_cpus=1)[0].foreign_share is None


def test_pairs_crowded_by_other_work_are_left_out_when_asked():
    rows = with_core_busy(boundaries(), [0, 50, 100, 150, 200, 250])  # CPU busy all the time
    figures = window_figures(TWO, rows, generator_cpus=1, ticks_per_second=100)
    assert [f.foreign_share for f in figures] == pytest.approx([0.4, 0.44, 0.46, 0.69])
    assert len(pair_ratios(figures, 1, 0, max_foreign_share=0.7)) == 2
    assert len(pair_ratios(figures, 1, 0, max_foreign_share=0.5)) == 1  # cycle 1 has 0.69
    assert pair_ratios(figures, 1, 0, max_foreign_share=0.1) == []
    unmeasured = window_figures(TWO, boundaries(), generator_cpus=1)
    assert pair_ratios(unmeasured, 1, 0, max_foreign_share=0.7) == []
