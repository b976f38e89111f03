"""Whether two invocations agree, method by method, on each Flask/Django ratio."""

import json

import pytest

from benchmarks.report.compare import agreement, load_record, main, verdict


def record(instructions=None, interleaved=None, sequential=None) -> dict:
    """A minimal twins-bench-v2 record holding the given ratios."""
    pages, scenarios = instructions or ({}, {})
    return {
        "schema": "twins-bench",
        "schema_version": 2,
        "instructions": {"ratios": {"pages": pages, "scenarios": scenarios}},
        "interleaved": {
            "scenarios": {
                name: {"ratio": {"median": value, "low": value, "high": value}}
                for name, value in (interleaved or {}).items()
            }
        },
        "figures": {
            name: {"flask_over_django": {"server_cpu_ms_per_request": {"paired_median": value}}}
            for name, value in (sequential or {}).items()
        },
    }


def by_item(rows):
    return {(row.method, row.item): row for row in rows}


def test_each_method_has_its_own_tolerance():
    first = record(({"home": 0.500}, {"reader": 0.700}), {"reader": 0.80}, {"reader": 0.80})
    second = record(({"home": 0.502}, {"reader": 0.704}), {"reader": 0.83}, {"reader": 0.83})
    rows = by_item(agreement(first, second))
    assert rows["instructions", "page: home"].difference_pct == pytest.approx(0.4)
    assert rows["instructions", "page: home"].agrees
    assert not rows["instructions", "scenario: reader"].agrees  # 0.57% > 0.5%
    assert not rows["interleaved", "reader"].agrees  # 3.75% > 3%
    assert rows["sequential", "reader"].agrees  # 3.75% <= 5%


def test_only_instructions_and_interleaved_decide():
    first = record(({"home": 0.5}, {}), {"reader": 0.8}, {"reader": 0.8})
    second = record(({"home": 0.5}, {}), {"reader": 0.8}, {"reader": 1.2})
    assert verdict(agreement(first, second))
    worse = record(({"home": 0.6}, {}), {"reader": 0.8}, {"reader": 0.8})
    assert not verdict(agreement(first, worse))


def test_an_item_missing_from_one_run_does_not_agree_and_nothing_measured_is_no_verdict():
    rows = by_item(agreement(record(interleaved={"reader": 0.8}), record(interleaved={})))
    assert not rows["interleaved", "reader"].agrees
    assert not verdict(agreement(record(), record()))


def test_command_exits_non_zero_when_an_item_disagrees(tmp_path, capsys):
    for name, value in (("a", 0.80), ("b", 0.81), ("c", 0.90)):
        (tmp_path / name).mkdir()
        path = tmp_path / name / "twins-bench-v2.json"
        path.write_text(json.dumps(record(({"home": 0.5}, {}), {"reader": value})))
    assert main([str(tmp_path / "a"), str(tmp_path / "b")]) == 0
    assert main([str(tmp_path / "a"), str(tmp_path / "c")]) == 1
    assert "| interleaved | reader | 0.8000 | 0.9000 | 12.50 | 3 | NO |" in capsys.readouterr().out


def test_a_file_of_another_schema_or_version_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"schema": "twins-bench", "schema_version": 1}))
    with pytest.raises(ValueError, match="not a twins-bench-v2 record"):
        load_record(str(path))
