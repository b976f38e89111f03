"""The suite experiment's reading of JUnit XML: outcomes per twin, per file, and agreement."""

from benchmarks.evidence.experiments.suite import outcomes, suite_figures

JUNIT = """<?xml version="1.0"?><testsuites><testsuite name="pytest" tests="5">
<testcase classname="tests.test_auth" name="test_sign_in[django]"/>
<testcase classname="tests.test_auth" name="test_sign_in[flask]"><failure message="x"/></testcase>
<testcase classname="tests.test_home" name="test_page[django-0]"/>
<testcase classname="tests.test_home" name="test_page[flask-0]"/>
<testcase classname="tests.test_home" name="test_skip[flask]"><skipped message="y"/></testcase>
<testcase classname="tests.test_twin_map" name="test_map_resolves"/>
</testsuite></testsuites>"""


def test_outcomes_are_read_per_twin_without_the_twin_in_the_id():
    by_twin = outcomes(JUNIT)
    assert by_twin["django"] == {
        "tests.test_auth::test_sign_in[]": "passed",
        "tests.test_home::test_page[-0]": "passed",
    }
    assert by_twin["flask"]["tests.test_auth::test_sign_in[]"] == "failed"
    assert by_twin["flask"]["tests.test_home::test_skip[]"] == "skipped"


def test_figures_count_outcomes_files_and_agreement():
    figures = suite_figures(outcomes(JUNIT))
    assert figures["django_passed"] == 2
    assert (figures["flask_failed"], figures["flask_skipped"]) == (1, 1)
    assert figures["flask_test_auth_failed"] == 1
    assert figures["django_test_auth_passed"] == 1
    assert figures["same_outcome_share"] == 1 / 3
    assert figures["tests_per_twin"] == 2
