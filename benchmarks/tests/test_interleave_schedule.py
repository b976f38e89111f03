"""The interleaving schedule: which target each window goes to and where measuring starts, ends."""

import pytest

from benchmarks.interleave.schedule import Schedule, make_schedule
from benchmarks.interleave.twins import server_groups
from benchmarks.load.plan import HEADLINE_SCENARIOS


def test_windows_alternate_between_two_targets_after_a_warm_up_of_whole_cycles():
    schedule = make_schedule(2, 0.5, warmup_s=10, measured_s=60)
    assert schedule == Schedule(targets=2, window_s=0.5, warmup_windows=20, measured_windows=120)
    assert [schedule.target_of(window) for window in range(5)] == [0, 1, 0, 1, 0]
    assert schedule.measured == range(20, 140)
    assert schedule.target_of(schedule.measured[0]) == 0
    assert schedule.cycles == 60


def test_boundaries_run_until_the_last_target_s_next_window_would_start():
    schedule = make_schedule(2, 0.5, warmup_s=1, measured_s=2)
    assert schedule.measured == range(2, 6)
    # the last window (5, target 1) is accounted up to the start of window 7
    assert schedule.boundaries == range(2, 8)
    assert schedule.start_of(2) == 1.0
    assert schedule.total_s == 3.5


def test_six_targets_take_turns_and_every_cycle_starts_with_the_first():
    schedule = make_schedule(6, 0.5, warmup_s=2, measured_s=8)
    assert schedule.warmup_windows == 6  # 2 s rounded up to one 3-second cycle
    assert schedule.measured_windows == 18  # 8 s is nearest to three cycles
    assert [schedule.target_of(window) for window in schedule.measured[:7]] == [0, 1, 2, 3, 4, 5, 0]
    assert [schedule.cycle_of(window) for window in (6, 11, 12, 23)] == [0, 0, 1, 2]
    assert schedule.boundaries[-1] == 6 + 18 + 5
    assert schedule.total_s == pytest.approx(14.5)


def test_a_short_measured_time_still_gives_one_cycle_and_warm_up_is_never_skipped():
    schedule = make_schedule(3, 1.0, warmup_s=0, measured_s=0.1)
    assert schedule.warmup_windows == 3
    assert schedule.measured_windows == 3


@pytest.mark.parametrize(("targets", "window_s"), [(1, 0.5), (2, 0.0), (2, 1.5)])
def test_one_target_or_a_window_outside_zero_to_one_second_is_refused(targets, window_s):
    with pytest.raises(ValueError, match=r"target|window"):
        make_schedule(targets, window_s, warmup_s=1, measured_s=1)


def test_twins_restart_on_fresh_data_after_each_scenario_that_writes_unless_quick():
    assert server_groups(HEADLINE_SCENARIOS) == [
        ["reader", "writer"],
        ["api_client"],
        ["probe_page", "probe_json", "probe_write"],
    ]
    assert server_groups(["probe_page", "probe_json"]) == [["probe_page", "probe_json"]]
    assert server_groups(HEADLINE_SCENARIOS, fresh_data=False) == [list(HEADLINE_SCENARIOS)]


def test_request_sequences_start_over_at_each_measured_cycle_and_nowhere_else():
    schedule = Schedule(targets=2, window_s=0.5, warmup_windows=4, measured_windows=6)
    opening = [window for window in range(schedule.boundaries.stop) if schedule.opens_cycle(window)]
    assert opening == [4, 6, 8]  # not in the warm-up, not at the closing window 10
