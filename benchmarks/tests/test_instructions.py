"""Instruction counts: per-request arithmetic, the callgrind parser, folding, and mix weighting."""

import pytest

from benchmarks.instructions.callgrind import CallgrindDump, parse_lines
from benchmarks.instructions.folding import (
    fold_layers,
    fold_objects,
    layer_of,
    object_part,
    with_exact_sqlite,
)
from benchmarks.instructions.mixes import SCENARIOS, locust_shares, mix_figure, table_shares
from benchmarks.instructions.results import InstructionCount, ratios
from benchmarks.instructions.runner import ProfileRow, dump_files
from benchmarks.instructions.specs import KindSet, RequestSpec

LIBPYTHON = "/usr/lib/libpython3.11.so.1.0"
SQLITE = "/usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6"

# Two functions in libpython, one in libsqlite3; main calls helper and sqlite3_step, whose
# inclusive costs (after calls=) must not count as main's own.
HAND_MADE = f"""# callgrind format
version: 1
creator: callgrind-3.19.0
positions: line
events: Ir
summary: 1111

ob=(1) {LIBPYTHON}
fl=(1) ceval.c
fn=(1) main
10 100
+2 50
cob=(2) {SQLITE}
cfi=(2) sqlite3.c
cfn=(3) sqlite3_step
calls=3 0
* 700
cfn=(2) helper
calls=1 0
0 200
-1 11

fn=(2)
0 200

ob=(2)
fl=(2)
fn=(3)
0 300
0 400

totals: 1261
"""


def test_per_request_is_the_batch_over_its_requests():
    count = InstructionCount("home", requests=10, batch_instructions=425_100_000, status=200)
    assert count.per_request == pytest.approx(42_510_000)


def test_ratios_are_flask_over_django_for_shared_labels():
    found = ratios({"home": 40.0, "feed": 0.0, "only django": 5.0}, {"home": 20.0, "feed": 1.0})
    assert [(r.label, r.flask_over_django) for r in found] == [("home", 0.5)]


def test_parser_counts_self_cost_and_leaves_out_inclusive_call_lines():
    dump = parse_lines(HAND_MADE.splitlines(keepends=True))
    assert dump.total == 1261  # totals: wins over summary:
    assert dump.self_cost == {
        (LIBPYTHON, "main"): 161,
        (LIBPYTHON, "helper"): 200,
        (SQLITE, "sqlite3_step"): 700,
    }
    assert dump.by_object() == {LIBPYTHON: 361, SQLITE: 700}


def test_parser_falls_back_on_summary_and_needs_a_total():
    lines = ["events: Ir\n", "summary: 5\n", "fn=f\n", "1 5\n"]
    assert parse_lines(lines).total == 5
    with pytest.raises(ValueError, match="summary"):
        parse_lines(["fn=f\n", "1 5\n"])


def test_parser_skips_as_many_position_columns_as_declared():
    lines = ["positions: instr line\n", "events: Ir\n", "fn=f\n", "0x10 3 7\n", "totals: 7\n"]
    assert parse_lines(lines).self_cost == {("???", "f"): 7}


def test_objects_fold_by_file_and_by_function_name():
    dump = CallgrindDump(
        total=100,
        events=["Ir"],
        self_cost={
            (LIBPYTHON, "_PyEval_EvalFrameDefault"): 40,
            (LIBPYTHON, "sre_ucs1_match"): 10,
            (SQLITE, "sqlite3VdbeExec"): 20,
            ("/lib/python3.11/lib-dynload/_sqlite3.cpython-311.so", "pysqlite_step"): 5,
            ("/usr/lib/x86_64-linux-gnu/libc.so.6", "malloc"): 15,
            ("/site-packages/markupsafe/_speedups.cpython-311.so", "escape"): 4,
            ("/usr/lib/libfoo.so", "foo"): 6,
        },
    )
    assert fold_objects(dump) == {
        "libpython (interpreter)": 40,
        "_sre (regular expressions)": 10,
        "SQLite (libsqlite3 + _sqlite3)": 25,
        "libc / malloc": 15,
        "markupsafe speedups": 4,
        "other": 6,
    }
    assert object_part("/x/_json.cpython-311.so", "scanner_call") == "json"


def test_layers_fold_by_path_and_c_functions_follow_their_callers():
    site = "/venv/lib/python3.11/site-packages"
    rows = [
        ProfileRow(f"{site}/django/db/models/query.py", "_fetch_all", 1, 0.3),
        ProfileRow(f"{site}/jinja2/runtime.py", "call", 1, 0.2),
        ProfileRow("/work/main/flask_impl/blog/views.py", "home", 1, 0.1),
        ProfileRow("~", "<method 'execute' of 'sqlite3.Cursor' objects>", 2, 0.25),
        ProfileRow(
            "~",
            "<method 'join' of 'str' objects>",
            3,
            0.4,
            ((f"{site}/jinja2/runtime.py", "call", 0.3), ("/work/main/flask_impl/x.py", "f", 0.1)),
        ),
    ]
    folded = fold_layers(rows)
    assert folded == pytest.approx(
        {
            "ORM and database driver": 0.3,
            "template engine": 0.2 + 0.3,
            "the twin's own code": 0.1 + 0.1,
            "SQLite itself": 0.25,
        }
    )
    assert layer_of("/work/main/django_impl/templates/home.html") == "template engine"
    assert layer_of("/usr/lib/python3.11/json/encoder.py") == "other"


def test_reader_shares_come_from_class_and_task_weights():
    shares = table_shares(SCENARIOS["reader"])
    assert sum(shares.values()) == pytest.approx(1.0)
    # signed out: 3/4 of the users, home 3 of 14 task weight; signed in: 1/4, feed 2 of 16
    assert shares["/ · signed out"] == pytest.approx(0.75 * 3 / 14)
    assert shares["/feed/ · signed in"] == pytest.approx(0.25 * 2 / 16)


def test_writer_tasks_of_two_requests_count_both():
    shares = table_shares(SCENARIOS["writer"])
    assert shares["/article/[slug]/ · signed in"] == pytest.approx(6 / 14)
    assert shares["POST /editor/ · signed in"] == pytest.approx(1 / 14)


def test_locust_shares_split_each_name_as_the_table_does():
    endpoints = {"GET /feed/": {"requests": 10}, "GET /": {"requests": 30}, "GET setup": {}}
    shares = locust_shares(SCENARIOS["reader"], endpoints)
    split_out = (0.75 * 3 / 14) / (0.75 * 3 / 14 + 0.25 * 3 / 16)
    assert shares["/feed/ · signed in"] == pytest.approx(0.25)
    assert shares["/ · signed out"] == pytest.approx(0.75 * split_out)


def test_mix_is_the_share_weighted_sum_and_names_missing_kinds():
    mix = mix_figure("probe", {"a": 0.25, "b": 0.75}, {"a": 100.0, "b": 20.0, "c": 1.0})
    assert mix.per_request == pytest.approx(40.0)
    with pytest.raises(KeyError, match="b"):
        mix_figure("probe", {"b": 1.0}, {"a": 1.0})


def test_same_requests_under_a_second_label_are_one_kind():
    kinds = KindSet()
    assert kinds.add("home · signed out", [RequestSpec("", path="/")]) == "home · signed out"
    assert kinds.add("/ · signed out", [RequestSpec("", path="/")]) == "home · signed out"
    assert kinds.add("tag", [RequestSpec("", path="/tag/a/")]) == "tag"
    assert kinds.labels() == ["home · signed out", "tag"]
    assert kinds.aliases["/ · signed out"] == "home · signed out"


def test_dumps_are_taken_in_numeric_order(tmp_path):
    out = tmp_path / "callgrind.x.out"
    for number in (1, 2, 10, 9):
        (tmp_path / f"callgrind.x.out.{number}").write_text("")
    (tmp_path / "callgrind.x.out.9.gz").write_text("")
    assert [path.name[-2:] for path in dump_files(out)] == [".1", ".2", ".9", "10"]


def test_sqlite_layer_is_callgrinds_and_the_hidden_part_leaves_the_driver():
    layers = {"ORM and database driver": 60.0, "template engine": 30.0, "SQLite itself": 10.0}
    exact = with_exact_sqlite(layers, sqlite=50.0)
    assert exact["SQLite itself"] == 50.0
    assert sum(exact.values()) == pytest.approx(100.0)
    # 40 hidden in the driver's functions: driver 20, template 30, scaled to the 50 left
    assert exact["ORM and database driver"] == pytest.approx(20.0)
    assert exact["template engine"] == pytest.approx(30.0)
