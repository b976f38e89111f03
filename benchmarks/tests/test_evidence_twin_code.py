"""Tests of the twin_code experiment's reading: clones, configuration, packages, locks, routes."""

import json
from datetime import UTC, datetime

import pytest

from benchmarks.evidence.probes.twin_code import (
    clones,
    configuration,
    locks,
    orm_catalogue,
    packages,
    routes,
)
from benchmarks.evidence.probes.twin_code.twins import module_name
from launcher import ROOT

BLOCK = "def handler(request, item):\n" + "".join(
    f"    total_{n} = compute(request.args['{n}'], item, {n})\n" for n in range(6)
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_token_stream_leaves_out_imports_docstrings_and_comments():
    text = '"""Doc."""\nimport os\nfrom a import b\n\n# note\nx = 1  # trailing\n'
    assert clones.token_stream(text) == [("x", 6), ("=", 6), ("1", 6)]


def test_a_block_copied_into_two_files_is_duplicated_in_both(tmp_path):
    files = {
        "a.py": write(tmp_path, "a.py", BLOCK),
        "b.py": write(tmp_path, "b.py", "y = 2\n" + BLOCK),
    }
    result = clones.measure(files, window=20)
    assert result["by_file"] == {"a.py": 7, "b.py": 7}
    assert result["duplicate_lines"] == 14
    assert result["code_lines"] == 15


def test_a_block_shorter_than_the_window_is_not_duplicated(tmp_path):
    files = {"a.py": write(tmp_path, "a.py", BLOCK), "b.py": write(tmp_path, "b.py", BLOCK)}
    assert clones.measure(files, window=500)["duplicate_lines"] == 0


def test_a_run_repeating_within_itself_is_no_copy():
    stream = [("x", line) for line in range(1, 31)]
    assert clones.duplicated_lines({"a.py": stream}, window=20) == set()
    assert len(clones.duplicated_lines({"a.py": stream}, window=10)) == 30


SETTINGS = """
import os

def env_flag(name):
    return os.environ.get(name, "") == "1"

DEBUG = env_flag("DEBUG")
KEY = os.environ["SECRET_KEY"]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
"""
FACTORY = """
def create_app(config_class):
    app = Flask(__name__)
    app.config.from_object(config_class)
    app.config.from_prefixed_env()
    if app.config["COUNT"]:
        count(app)
    db.init_app(app)
    return app
"""


def test_sources_finds_variables_through_helpers_and_the_settings_module(tmp_path):
    found = configuration.sources([write(tmp_path, "settings.py", SETTINGS)])
    assert found["kinds"] == [configuration.ENVIRONMENT, configuration.SETTINGS_MODULE]
    assert found["environment_variables"] == ["DEBUG", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"]


def test_sources_finds_flask_loaders(tmp_path):
    found = configuration.sources([write(tmp_path, "factory.py", FACTORY)])
    assert found["kinds"] == [configuration.LOADERS["from_object"],
                              configuration.LOADERS["from_prefixed_env"]]  # fmt: skip
    assert found["environment_variables"] == []


def test_config_statement_lines_counts_only_statements_touching_config(tmp_path):
    path = write(tmp_path, "factory.py", FACTORY)
    assert configuration.config_statement_lines(path, "create_app") == 4


PROBE = {
    "distributions": {
        "Flask": {
            "version": "3",
            "requires": ["Werkzeug>=3", "blinker", 'asgiref; extra == "async"'],
        },
        "Werkzeug": {"version": "3", "requires": ["MarkupSafe"]},
        "MarkupSafe": {"version": "3", "requires": []},
        "blinker": {"version": "1", "requires": []},
        "Flask-WTF": {"version": "1", "requires": ["flask", "wtforms"]},
        "WTForms": {
            "version": "3",
            "requires": ["markupsafe", 'colorama; sys_platform == "win32"'],
        },
        "email_validator": {"version": "2", "requires": []},
    },
    "packages": {
        "flask": ["Flask"],
        "werkzeug": ["Werkzeug"],
        "flask_wtf": ["Flask-WTF"],
        "wtforms": ["WTForms"],
        "email_validator": ["email_validator"],
    },
    "classes": [
        {
            "module": "app.forms",
            "name": "LoginForm",
            "mro": ["flask_wtf.form.FlaskForm", "wtforms.form.Form", "builtins.object"],
        },
        {
            "module": "app.converters",
            "name": "Slug",
            "mro": ["werkzeug.routing.BaseConverter", "builtins.object"],
        },
        {"module": "app.errors", "name": "ApiError", "mro": ["builtins.Exception"]},
        {"module": "app.config", "name": "Config", "mro": ["builtins.object"]},
    ],
}


def test_closure_follows_requirements_and_skips_extras_and_other_platforms():
    assert packages.closure(PROBE["distributions"], ["flask"]) == {
        "flask", "werkzeug", "markupsafe", "blinker"}  # fmt: skip
    assert packages.closure(PROBE["distributions"], ["WTForms"]) == {"wtforms", "markupsafe"}


def test_forms_distributions_are_those_beyond_the_framework():
    assert packages.forms_distributions("flask", PROBE) == ["flask-wtf", "wtforms"]


def test_generic_share_counts_classes_built_on_framework_packages():
    assert packages.generic_share("flask", PROBE) == (2, 4)
    assert packages.generic_share("django", PROBE) == (0, 4)


def test_imported_distributions_leave_out_stdlib_the_twin_and_the_framework(tmp_path):
    source = ("import os\nfrom flask import Blueprint\nfrom werkzeug.security import x\n"
              "from email_validator import validate\nfrom app.models import User\n"
              "from . import views\n")  # fmt: skip
    files = [write(tmp_path, "views.py", source)]
    assert packages.imported_distributions("flask", PROBE, files) == ["email-validator"]


def test_pins_reads_a_hashed_lock():
    lock = (
        "flask==3.1.3 \\\n    --hash=sha256:ab\n    # via x\n"
        "MarkupSafe==3.0.4 ; python_version > '3'\n"
    )
    assert locks.pins(lock) == {"flask": "3.1.3", "markupsafe": "3.0.4"}


def test_a_release_dates_from_its_earliest_upload_and_ages_summarise():
    files = [{"upload_time_iso_8601": "2024-01-03T00:00:00Z"},
             {"upload_time_iso_8601": "2024-01-01T12:00:00.5Z"}, {}]  # fmt: skip
    assert locks.released_at(files) == datetime(2024, 1, 1, 12, 0, 0, 500000, tzinfo=UTC)
    assert locks.released_at([]) is None
    summary = locks.age_summary({"a==1": 10.0, "b==2": 30.0, "c==3": 20.0, "d==4": 1.0})
    assert summary == {"max": 30.0, "median": 15.0, "oldest": "b==2"}


def test_release_ages_counts_days_to_now(monkeypatch):
    upload = [{"upload_time_iso_8601": "2024-01-01T00:00:00Z"}]
    monkeypatch.setattr(locks, "release_files", lambda name, version: (upload, "project"))
    found = locks.release_ages({("a", "1")}, now=datetime(2024, 1, 11, 12, tzinfo=UTC))
    assert found == {"ages": {"a==1": 10.5}, "endpoints": ["project"], "missing": []}


def test_audit_counts_separates_skipped_from_audited():
    report = {"dependencies": [
        {"name": "a", "version": "1", "vulns": [{"id": "PYSEC-1"}, {"id": "GHSA-2"}]},
        {"name": "b", "version": "2", "vulns": []},
        {"name": "c", "skip_reason": "Dependency not found on PyPI and could not be audited: c"},
    ]}  # fmt: skip
    assert locks.audit_counts(report) == {
        "audited": 2, "skipped": 1,
        "skip_reasons": ["Dependency not found on PyPI and could not be audited"],
        "vulnerabilities": ["a==1: GHSA-2", "a==1: PYSEC-1"],
    }  # fmt: skip


def test_url_function_calls_counts_path_and_re_path():
    source = (
        "from django.urls import path, re_path\nfrom django import urls\n"
        "urlpatterns = [path('a/', v), re_path(r'^b/$', v), urls.re_path(r'^c', v)]\n"
    )
    assert routes.url_function_calls(source) == {"path": 1, "re_path": 2}


def test_candidates_take_get_outside_the_api_and_static_files():
    table = [
        {"route": "/", "methods": ["GET", "HEAD"], "arguments": []},
        {"route": "/logout/", "methods": ["POST"], "arguments": []},
        {"route": "/any/", "methods": ["*"], "arguments": []},
        {"route": "/api", "methods": ["GET"], "arguments": []},
        {"route": "/api/tags", "methods": ["GET"], "arguments": []},
        {"route": "/static/<path:filename>", "methods": ["GET"], "arguments": ["filename"]},
        {"route": "/apiary/", "methods": ["GET"], "arguments": []},
    ]
    assert [route["route"] for route in routes.candidates(table)] == ["/", "/any/", "/apiary/"]


def test_fill_replaces_both_placeholder_syntaxes():
    values = {"slug": "a b", "username": "ann"}
    assert routes.fill("/p/<str:username>/<slug>/", values) == "/p/ann/a%20b/"
    assert routes.fill("/t/<str:tag>/", values) is None


@pytest.mark.parametrize(
    ("status", "content_type", "page", "ok"),
    [(200, "text/html; charset=utf-8", True, True), (302, "text/html", True, True),
     (200, "text/event-stream", False, False), (500, "text/plain", True, False),
     (404, "text/html", True, False)],
)  # fmt: skip
def test_pages_and_ok_answers(status, content_type, page, ok):
    assert routes.is_page(status, content_type) is page
    assert routes.answer_is_ok(status, content_type) is ok


def test_page_figures_count_the_parameter_free_pages():
    def answer(route, parameters, status, content_type="text/html"):
        return {"route": route, "path": route, "parameters": parameters, "status": status,
                "content_type": content_type, "page": routes.is_page(status, content_type),
                "ok": routes.answer_is_ok(status, content_type)}  # fmt: skip

    answers = [answer("/", False, 200), answer("/feed/", False, 302), answer("/x/", False, 500),
               answer("/t/<tag>/", True, 200), answer("/events", False, 200, "text/event-stream"),
               {"route": "/u/<who>/", "path": None, "parameters": True}]  # fmt: skip
    notes = []
    figures = routes.page_figures("flask", answers, notes)
    assert figures["flask_html_routes"] == 4
    assert (figures["flask_html_routes_ok"], figures["flask_html_routes_total"]) == (2, 3)
    assert figures["flask_html_routes_ok_all"] == 3
    assert figures["flask_other_get_routes"] == ["/events (text/event-stream)"]
    assert notes == ["flask: routes left out, no demo value for their parameters: ['/u/<who>/']"]


def test_module_names_follow_each_twin_import_root():
    assert module_name("django", ROOT / "django_impl/blog/forms.py") == "blog.forms"
    assert module_name("flask", ROOT / "flask_impl/__init__.py") == "flask_impl"
    assert (
        module_name("flask", ROOT / "flask_impl/accounts/views.py") == "flask_impl.accounts.views"
    )


def test_the_catalogue_data_implies_ranks_and_a_subtree():
    assert orm_catalogue.sibling_ranks() == {"root": 1, "a": 2, "b": 1, "a1": 2, "a2": 1}
    assert orm_catalogue.subtree("a") == {"a", "a1", "a2"}


def test_a_catalogue_query_runs_only_when_its_construct_is_in_the_sql(capsys):
    def refuse(_target):
        raise LookupError("no such construct")

    catalogue = {
        "window": (lambda _: "SELECT ROW_NUMBER() OVER (ORDER BY x)", "OVER"),
        "cte": (lambda _: "SELECT 1", "WITH"),
        "upsert": (refuse, "ON CONFLICT"),
    }
    orm_catalogue.report(catalogue, lambda attempt: attempt(None), {"orm": "1"})
    printed = json.loads(capsys.readouterr().out)
    assert printed["ran"] == ["window"]
    assert printed["failed"] == {"cte": "AssertionError: the SQL sent holds no WITH",
                                 "upsert": "LookupError: no such construct"}  # fmt: skip
