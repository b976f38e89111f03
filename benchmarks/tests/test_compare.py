"""Whether two invocations agree on each scenario's Flask/Django ratio of CPU per request."""

import json

import pytest

from benchmarks.report.compare import agreement, load_record, main


def record(ratios: dict[str, float | None], unfit: tuple[str, ...] = ()) -> dict:
    figures = {
        scenario: {
            "flask_over_django": {
                "server_cpu_ms_per_request": None if value is None else {"paired_median": value}
            },
            "unfit_reasons": list(unfit),
        }
        for scenario, value in ratios.items()
    }
    return {"schema": "twins-bench", "schema_version": 1, "figures": figures}


def test_ratios_within_the_tolerance_agree_and_beyond_it_do_not():
    rows = agreement(record({"reader": 0.80, "writer": 1.00}),
                     record({"reader": 0.83, "writer": 1.06}), tolerance_pct=5)  # fmt: skip
    by_scenario = {row["scenario"]: row for row in rows}
    assert by_scenario["reader"]["difference_pct"] == pytest.approx(3.75)
    assert by_scenario["reader"]["agrees"]
    assert by_scenario["writer"]["difference_pct"] == pytest.approx(6.0)
    assert not by_scenario["writer"]["agrees"]


def test_a_scenario_missing_from_one_run_or_without_a_ratio_does_not_agree():
    rows = agreement(record({"reader": 0.8, "api_client": None}),
                     record({"reader": 0.8, "probe_json": 0.9}), tolerance_pct=5)  # fmt: skip
    by_scenario = {row["scenario"]: row for row in rows}
    assert by_scenario["reader"]["agrees"]
    assert not by_scenario["api_client"]["agrees"]
    assert not by_scenario["probe_json"]["agrees"]
    assert by_scenario["probe_json"]["unfit_reasons"] == ["missing"]


def test_unfit_reasons_of_either_run_are_carried():
    rows = agreement(record({"reader": 0.8}, unfit=("QUICK run",)), record({"reader": 0.8}), 5)
    assert rows[0]["unfit_reasons"] == ["QUICK run"]


def test_command_exits_non_zero_when_a_scenario_disagrees(tmp_path, capsys):
    for name, value in (("a", 0.80), ("b", 0.81), ("c", 0.90)):
        (tmp_path / name).mkdir()
        path = tmp_path / name / "twins-bench-v1.json"
        path.write_text(json.dumps(record({"reader": value})))
    assert main([str(tmp_path / "a"), str(tmp_path / "b")]) == 0
    assert main([str(tmp_path / "a"), str(tmp_path / "c")]) == 1
    assert "| reader | 0.800 | 0.900 | 12.5 | NO |" in capsys.readouterr().out


def test_a_file_of_another_schema_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"schema": "something-else", "schema_version": 1}))
    with pytest.raises(ValueError, match="not a twins-bench-v1 record"):
        load_record(str(path))
