"""The plan's run list and estimate, the CPU layout, forms found by data-testid."""

from benchmarks.load.htmlforms import find_form
from benchmarks.load.plan import make_plan


def test_sweep_points_equal_to_a_headline_spec_reuse_its_repeats():
    plan = make_plan(quick=False, server_cores_available=1)
    runs = dict(plan.runs())
    assert runs[plan.reader] == plan.repeats == 2
    assert len(plan.worker_count_sweep) == 1
    assert plan.worker_count_sweep[0] == plan.reader
    assert sum(1 for spec in runs if spec.scenario == "reader") == 5


def test_full_run_fits_in_40_minutes_and_quick_in_5_once_snapshots_exist():
    for quick, limit in ((False, 40 * 60), (True, 5 * 60)):
        plan = make_plan(quick=quick, server_cores_available=1)
        assert plan.estimate_seconds(plan.load_runs(["django", "flask"]), 0) <= limit


def test_the_estimate_counts_the_instruction_interleaved_and_app_methods():
    plan = make_plan(quick=False, server_cores_available=1)
    runs = plan.load_runs(["django", "flask"])
    sequential_only = plan.estimate_seconds(runs, 0) - plan.methods_seconds()
    assert plan.methods_seconds() > 6 * plan.interleave_measured_s
    assert sequential_only >= runs * plan.run_seconds()


def test_scenarios_a_twin_cannot_serve_are_not_counted_as_runs():
    plan = make_plan(quick=True, server_cores_available=1)
    both = plan.load_runs(["django", "flask"])
    without_api = plan.load_runs(["django", "flask"], {"flask": {"api_client", "probe_json"}})
    assert both - without_api == 0  # QUICK runs only the reader sequentially
    plan = make_plan(quick=False, server_cores_available=1)
    both = plan.load_runs(["django", "flask"])
    without_api = plan.load_runs(["django", "flask"], {"flask": {"api_client", "probe_json"}})
    assert both - without_api == 2 * plan.repeats


def test_form_is_found_by_testid_with_its_hidden_inputs():
    page = (
        '<form method="post" action="/login/" data-testid="other"><input type="hidden" '
        'name="x" value="1"></form><form data-testid="login-form" method="post" action="/login/">'
        '<input name="email"><input type="hidden" name="csrf_token" value="a&amp;b">'
        '<input value="/" type="hidden" name="next"></form>'
    )
    assert find_form(page, "login-form") == ("/login/", {"csrf_token": "a&b", "next": "/"})
    assert find_form(page, "comment-form") is None
