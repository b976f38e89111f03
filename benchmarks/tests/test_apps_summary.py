"""summary.md's app comparisons: ladder steps and their shares, costs above a baseline."""

from benchmarks.report.apps_summary import comparison_lines, floor_lines


def comparison(name: str, costs: dict[str, float], baseline: str) -> dict:
    return {
        "name": name,
        "baseline": baseline,
        "requests": ["home"],
        "targets": [{"name": n, "instructions": {"home": v}} for n, v in costs.items()],
        "interleaved": None,
    }


def rows(lines: list[str]) -> dict[str, list[str]]:
    cells = [line.strip("|").split(" | ") for line in lines if line.startswith("| ")]
    return {row[0].strip(): [cell.strip() for cell in row[1:]] for row in cells[1:]}


def test_each_ladder_step_is_its_cost_over_the_previous_step_and_its_share_of_the_last():
    ladder = comparison("flask-ladder", {"bare": 4e6, "orm": 10e6, "login": 11e6}, "bare")
    found = rows(comparison_lines(ladder))
    assert found["bare"][1] == "—"
    assert found["orm"][1] == "+6.00 (54.5%)"  # 6M of the last step's 11M
    assert found["login"][1] == "+1.00 (9.1%)"


def test_other_comparisons_show_the_cost_above_their_baseline():
    hello = comparison("hello-worlds", {"wsgi": 1e6, "django": 3e6, "flask": 2e6}, "wsgi")
    found = rows(comparison_lines(hello))
    assert found["django"][1] == "+2.00"
    assert found["flask"][1] == "+1.00"


def test_a_twin_above_the_floor_and_its_multiple():
    floors = comparison("floors", {"floor": 1e6, "django": 5e6, "flask": 3e6}, "floor")
    found = rows(floor_lines(floors))
    assert found["home"] == ["1.00", "4.00", "5.0x", "2.00", "3.0x"]
