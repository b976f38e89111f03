"""The bench experiment's reading of a bench record: ladders, ratios, SQL counts, reuse."""

import json

from benchmarks.evidence.experiments._bench_figures import (
    TWINS,
    apps_figures,
    queries_equal_share,
    worker_figures,
)
from benchmarks.evidence.experiments.bench import reusable_record


def target(name, **instructions):
    return {"name": name, "instructions": instructions}


def test_ladder_step_shares_and_the_whole_ladder():
    steps = [target("bare", home=100.0), target("orm", home=120.0), target("login", home=123.0)]
    ladder = {"name": "flask-ladder", "targets": steps}
    figures = apps_figures({"comparisons": [ladder]})
    assert figures["ladder_largest_step"] == "orm"
    assert figures["ladder_largest_step_share"] == 0.2
    assert figures["ladder_full_over_bare"] == 1.23


def test_middleware_share_and_quotient_interval_of_two_hello_worlds():
    both = [target("django-mw-none", home=90.0), target("django-mw-startproject", home=100.0)]
    middleware = {"name": "django-middleware", "interleaved": None, "targets": both}
    ratios = [{"target": "hello-django", "median": 2.0, "low": 1.9, "high": 2.1},
              {"target": "hello-flask", "median": 1.0, "low": 0.9, "high": 1.1}]  # fmt: skip
    hello = {"name": "hello-worlds", "interleaved": {"ratios": ratios}, "targets": [
        target("hello-django", hello=20.0), target("hello-flask", hello=10.0)]}  # fmt: skip
    figures = apps_figures({"comparisons": [middleware, hello]})
    assert abs(figures["middleware_overhead_share"] - 0.1) < 1e-12
    assert "middleware_interleaved_ratio" not in figures  # not measured: left out, not guessed
    assert figures["hello_instructions_ratio"] == 0.5
    assert figures["hello_interleaved_ratio"] == {"value": 0.5, "low": 0.9 / 2.1, "high": 1.1 / 1.9}


def test_queries_equal_share_over_pages_both_twins_counted():
    def counts(**pages):
        return {
            "10k": {"counts": {page: {"signed out": {"queries": n}} for page, n in pages.items()}}
        }

    queries = {
        "by_twin": {"django": counts(home=4, tag=6, only_django=1), "flask": counts(home=4, tag=5)}
    }
    assert queries_equal_share(queries) == 0.5


def test_worker_scaling_needs_two_points():
    one = {
        "worker_count": [{"point": "1 core(s), 2 workers", "twins": {}}],
        "worker_count_note": "x",
    }
    figures, notes = worker_figures(one)
    assert figures == {"worker_points": 1}
    assert "two or more" in notes[0]

    def point(cores, rps):
        return {"point": f"{cores} core(s)", "twins": {t: {"rps": {"median": rps}} for t in TWINS}}

    figures, _ = worker_figures({"worker_count": [point(1, 100.0), point(4, 320.0)]})
    assert figures["worker_efficiency_flask"] == 0.8


def test_a_record_is_reused_only_for_the_same_commit_and_a_full_one_for_a_full_run(tmp_path):
    for stamp, commit, quick in (("20260101T000000Z", "a", False), ("20260102T000000Z", "a", True),
                                 ("20260103T000000Z", "b", False)):  # fmt: skip
        (tmp_path / stamp).mkdir()
        record = {"environment": {"git": {"commit": commit}}, "quick": quick}
        (tmp_path / stamp / "twins-bench-v2.json").write_text(json.dumps(record))
    assert reusable_record(True, "a", tmp_path).parent.name == "20260102T000000Z"
    assert reusable_record(False, "a", tmp_path).parent.name == "20260101T000000Z"
    assert reusable_record(False, "c", tmp_path) is None
