"""Medians, spreads and Flask/Django ratios across repeats, and when a ratio may be used."""

import pytest

from benchmarks.report.analysis import aggregate, ratio, summarize, unfit_reasons


def test_summary_gives_median_range_and_spread_of_measured_values():
    summary = summarize([10.0, None, 12.0, 11.0])
    assert summary == {"median": 11.0, "min": 10.0, "max": 12.0, "n": 3,
                       "spread_pct": pytest.approx(18.18, abs=0.01)}  # fmt: skip
    assert summarize([None]) is None


def test_ratio_is_the_median_of_per_repeat_ratios_beside_the_ratio_of_medians():
    result = ratio({1: 2.0, 2: 3.0, 3: 4.0}, {1: 4.0, 2: 5.0, 3: 4.0})
    assert result["paired_median"] == pytest.approx(0.6)
    assert result["of_medians"] == pytest.approx(3.0 / 4.0)
    assert result["paired_min"] == pytest.approx(0.5)
    assert result["paired_max"] == pytest.approx(1.0)
    assert result["pairs"] == 3
    assert ratio({1: 1.0}, {1: None}) is None


def test_ratio_pairs_runs_by_repeat_and_skips_a_repeat_missing_on_one_side():
    result = ratio({1: 2.0, 3: 6.0}, {1: 4.0, 2: 100.0, 3: 4.0})
    assert result["pairs"] == 2
    assert result["paired_min"] == pytest.approx(0.5)
    assert result["paired_max"] == pytest.approx(1.5)
    assert result["paired_median"] == pytest.approx(1.0)


def test_a_slow_spell_spanning_one_repeat_of_both_twins_cancels_in_the_paired_ratio():
    django = {1: 4.0, 2: 4.0, 3: 6.0}  # repeat 3 ran in a slow spell: both twins 1.5 times slower
    flask = {1: 3.0, 2: 4.5, 3: 4.5}
    result = ratio(flask, django)
    assert result["paired_median"] == pytest.approx(0.75)
    assert result["of_medians"] == pytest.approx(4.5 / 4.0)


def run(twin: str, repeat: int, cpu: float, **flags) -> dict:
    figures = {"rps": 100.0, "p50_ms": 10.0, "p95_ms": 20.0, "p99_ms": 30.0,
               "failures": flags.get("failures", 0), "server_cpu_ms_per_request": cpu,
               "worker_peak_rss_mib": 50.0, "generator_cpu_share": 0.3, "startup_s": 1.0,
               "generator_bound": flags.get("generator_bound", False)}  # fmt: skip
    return {"spec": "reader", "scenario": "reader", "twin": twin, "repeat": repeat,
            "status": "ok", "figures": figures}  # fmt: skip


def test_aggregate_gives_flask_over_django_from_the_same_invocation():
    runs = [run("django", r, cpu) for r, cpu in enumerate((4.0, 4.2, 3.8), 1)]
    runs += [run("flask", r, cpu) for r, cpu in enumerate((3.0, 3.3, 2.7), 1)]
    result = aggregate(runs, quick=False)["reader"]
    assert result["twins"]["django"]["server_cpu_ms_per_request"]["median"] == 4.0
    cpu_ratio = result["flask_over_django"]["server_cpu_ms_per_request"]
    assert cpu_ratio["paired_median"] == pytest.approx(0.75)
    assert cpu_ratio["of_medians"] == pytest.approx(0.75)
    assert result["unfit_reasons"] == []


def test_quick_generator_bound_failing_or_short_runs_are_unfit_for_a_verdict():
    runs = [run("django", 1, 4.0, generator_bound=True), run("flask", 1, 3.0, failures=2)]
    reasons = unfit_reasons(True, {"django": runs[:1], "flask": runs[1:]})
    assert "QUICK run" in reasons
    assert "django: generator-bound" in reasons
    assert "flask: failures" in reasons
    assert "flask: 1 run(s), fewer than 2" in reasons


def test_unavailable_runs_are_left_out_of_the_aggregate():
    runs = [run("django", 1, 4.0), {**run("flask", 1, 0.0), "status": "unavailable"}]
    result = aggregate(runs, quick=True)["reader"]
    assert set(result["twins"]) == {"django"}
    assert result["flask_over_django"] == {}
