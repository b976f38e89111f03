"""Tests of flask_fresh's readings: session cookies, cookie flags, help, forms, debugger, deps."""

import base64
import json
import zlib

import pytest

from benchmarks.evidence.experiments import flask_fresh
from benchmarks.evidence.probes.flask_fresh import readings

SESSION = {"cart": {"apple": 2}, "user_id": 42}


def encoded(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def cookie(session: dict, compressed: bool) -> str:
    data = json.dumps(session, separators=(",", ":")).encode()
    payload = "." + encoded(zlib.compress(data)) if compressed else encoded(data)
    return f"{payload}.Z1m2xw.c2lnbmF0dXJlLW9mLXR3ZW50eQ"


@pytest.mark.parametrize("compressed", [False, True])
def test_a_session_cookie_is_read_without_the_key(compressed):
    assert readings.session_payload(cookie(SESSION, compressed)) == SESSION


@pytest.mark.parametrize(
    "value", ["not base64!.x.y", encoded(b"[1, 2]") + ".x.y", ".bm90emxpYg.x.y"]
)
def test_what_is_not_a_session_payload_reads_as_none(value):
    assert readings.session_payload(value) is None


@pytest.mark.parametrize("compressed", [False, True])
def test_tampering_changes_one_character_of_the_payload(compressed):
    original = cookie(SESSION, compressed)
    changed = readings.tampered(original)
    differences = [i for i, (a, b) in enumerate(zip(original, changed, strict=True)) if a != b]
    assert len(differences) == 1
    assert differences[0] < original.index(".", 1)  # inside the payload
    assert changed.startswith(".") == compressed


def test_cookie_flags_are_read_from_the_set_cookie_header():
    assert readings.cookie_attributes("session=abc; HttpOnly; Path=/") == {
        "samesite": None, "httponly": True, "secure": False}  # fmt: skip
    assert readings.cookie_attributes("sessionid=x; expires=Thu; Secure; SameSite=Lax") == {
        "samesite": "Lax", "httponly": False, "secure": True}  # fmt: skip


HELP = """Usage: flask [OPTIONS] COMMAND [ARGS]...

  A general utility script for Flask applications.

Options:
  -e, --env-file FILE   Load environment variables from this file.
  --version             Show the Flask version.

Commands:
  run     Run a development server.
  shell   Run a shell in the app context.
  routes  Show the routes for the app.
  startproject  Start a project
              (a wrapped help line).

  An epilog after the commands.
"""


def test_help_lists_the_commands_in_order():
    assert readings.help_commands(HELP) == ["routes", "run", "shell", "startproject"]
    assert readings.help_commands("Usage: flask\n\nOptions:\n  --help\n") == []


def test_scaffolding_candidates_are_the_commands_named_to_start_a_project():
    assert readings.scaffolding_candidates(["routes", "run", "shell"]) == []
    assert readings.scaffolding_candidates(["init", "run", "startproject"]) == [
        "init", "startproject"]  # fmt: skip


def test_form_fields_keep_named_inputs_with_their_values():
    html = """<form method="post"><input id="csrf_token" name="csrf_token" type="hidden"
    value="IjE2"><input name="title" type="text"><textarea name="body"></textarea>
    <input type="submit" name="_add_another" value="Save"><input type="checkbox" name="x"></form>"""
    assert readings.form_fields(html) == {"csrf_token": "IjE2", "title": "", "body": ""}


DEBUGGER = """<script>
      var CONSOLE_MODE = false,
          EVALEX = true,
          EVALEX_TRUSTED = false,
          SECRET = "MWTV3i3sIyvAfuw1t059";
    </script><link href="?__debugger__=yes&amp;cmd=resource&amp;f=style.css">
<div class="frame" id="frame-140495706579312">"""


def test_a_debugger_page_tells_its_console_secret_and_frame():
    assert readings.debugger_page(DEBUGGER) == {
        "console": True, "trusted": False, "secret": "MWTV3i3sIyvAfuw1t059",
        "frame": "140495706579312"}  # fmt: skip
    no_console = readings.debugger_page(DEBUGGER.replace("EVALEX = true", "EVALEX = false"))
    assert no_console["console"] is False
    assert readings.debugger_page("<h1>Internal Server Error</h1>")["console"] is False


def test_the_debugger_pin_is_read_from_either_log_line():
    assert readings.debugger_pin(" * Debugger PIN: 123-456-789\n") == "123-456-789"
    assert readings.debugger_pin("x\n * Debugger pin code: 111-222-333\n") == "111-222-333"
    assert readings.debugger_pin(" * Debugger is active!\n") is None


def test_added_lines_leave_out_docstring_comments_blanks_and_the_base_import():
    source = '''"""An app with the admin.

Two lines of docstring."""

from flask_admin import Admin
from app_orm import Note, app, db

# the admin
admin = Admin(app)
admin.add_view(ModelView(Note, db.session))
'''
    assert readings.added_lines(source) == 3


REQUIREMENTS = {
    "Flask": ["Werkzeug>=3.1", "click>=8.1", "asgiref>=3.2; extra == 'async'"],
    "Werkzeug": ["MarkupSafe>=2.1.1"],
    "Flask-SQLAlchemy": ["flask>=2.2.5", "sqlalchemy>=2.0.16"],
    "SQLAlchemy": ["greenlet>=1; platform_machine == 'x86_64'", "typing-extensions>=4.6"],
    "Flask-Migrate": [
        "Flask>=0.9",
        "Flask-SQLAlchemy>=1.0",
        "alembic>=1.9.0",
        "tox; extra == 'dev'",
    ],
    "alembic": ["SQLAlchemy>=2.0", "Mako", "tomli; python_version < '3.11'"],
    "Mako": ["MarkupSafe>=0.9.2"],
}
MARKERS = {"python_version": "3.11", "platform_machine": "x86_64", "python_full_version": "3.11.7"}


def test_the_closure_follows_markers_and_leaves_out_extras():
    closure = readings.dependency_closure(["Flask-SQLAlchemy"], REQUIREMENTS, MARKERS)
    assert closure == {"flask-sqlalchemy", "flask", "werkzeug", "markupsafe", "click",
                       "sqlalchemy", "greenlet", "typing-extensions"}  # fmt: skip
    on_arm = readings.dependency_closure(["SQLAlchemy"], REQUIREMENTS, MARKERS | {
        "platform_machine": "aarch64"})  # fmt: skip
    assert "greenlet" not in on_arm


def test_what_an_extension_adds_beyond_its_base():
    added = readings.extra_distributions(
        "Flask-Migrate", ["Flask", "Flask-SQLAlchemy"], REQUIREMENTS, MARKERS
    )
    assert added == ["alembic", "flask-migrate", "mako"]
    older = MARKERS | {"python_version": "3.10"}
    assert "tomli" in readings.extra_distributions("alembic", ["Flask"], REQUIREMENTS, older)


CLAIMED_FIGURES = """run_command_with_threads_default app_run_threaded_default
run_simple_threaded_default flask_run_concurrent_wall_s flask_run_distinct_threads
header_x_frame_options
header_x_content_type_options header_referrer_policy header_cross_origin_opener_policy
session_cookie_samesite session_cookie_httponly session_cookie_secure
session_cookie_readable_without_key session_cookie_decoded_keys session_cookie_tampered_rejected
session_cookie_login_keys csrf_post_bare_status csrf_post_csrfprotect_status autoescape_html
autoescape_txt autoescape_j2 autoescape_render_template_string password_hash_method
password_hash_ms cli_commands scaffold_files admin_anonymous_get_status
admin_anonymous_post_created_row admin_register_lines rate_limit_429_count gzip_content_encoding
methodview_wrong_method_status werkzeug_rule_endpoint_is_string errorhandler_404_renders
errorhandler_500_renders debugger_console_shown debugger_pin_protected blueprint_two_prefixes_ok
transaction_partial_rows orm_injection_rows raw_fstring_injection_rows migration_packages
migration_commands babel_default_locale_fr""".split()


def test_every_figure_the_claims_read_is_declared():
    assert set(CLAIMED_FIGURES) <= set(flask_fresh.FIGURES)
