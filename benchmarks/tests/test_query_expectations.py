"""A run's SQL counts against shared_spec/query-counts.yaml, and the file's own reasons."""

from benchmarks.report.query_expectations import check, load, mismatches, unexplained

SPEC = {
    "reasons": {"session": "Django reads its session row."},
    "pages": {
        "home": {"signed out": [4, 4, 200], "signed in": [6, 5, 200, "session"]},
        "feed": {"signed out": [0, 0, 302]},
    },
}


def seen(queries: int, status: int = 200) -> dict:
    return {"queries": queries, "status": status}


def test_the_projects_file_explains_every_difference_it_states():
    assert unexplained(load()) == []


def test_a_difference_without_a_known_reason_is_reported():
    spec = {"reasons": {}, "pages": {"home": {"signed in": [6, 5, 200, "cache"]}}}
    assert unexplained(spec) == ["home (signed in): 6 vs 5 without a known reason"]


def test_measured_counts_equal_to_the_file_have_no_mismatch():
    counts = {
        "home": {"signed out": seen(4), "signed in": seen(5)},
        "feed": {"signed out": seen(0, 302)},
    }
    assert mismatches("flask", counts, SPEC) == []


def test_a_different_count_status_or_missing_page_is_a_mismatch():
    counts = {"home": {"signed out": seen(5), "signed in": seen(6, 500)}, "extra": {"x": seen(1)}}
    assert mismatches("django", counts, SPEC) == [
        "home (signed out): 5 (200), expected 4 (200)",
        "home (signed in): 6 (500), expected 6 (200)",
        "feed (signed out): not measured",
        "extra (x): measured but not in query-counts.yaml",
    ]


def test_check_covers_every_twin_and_scale_that_was_counted():
    counts = {
        "home": {"signed out": seen(4), "signed in": seen(6)},
        "feed": {"signed out": seen(0, 302)},
    }
    by_twin = {"django": {"1k": {"counts": counts}, "10k": {"counts": {}}}}
    result = check(by_twin, SPEC)
    assert result["mismatches"] == {"django": {"1k": []}}
    assert result["unexplained_differences"] == []
