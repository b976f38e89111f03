"""Experiment flask_fresh: a bare Flask app and Flask with each extension, probed for defaults."""

import json
import secrets
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import packaging
import requests

from benchmarks.evidence import envs
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.probes.flask_fresh import checks, migration, readings, serving

NAME = "flask_fresh"
TITLE = "Fresh Flask apps (bare, + CSRFProtect, + SQLAlchemy, + Admin, + Login, + Babel) probed"
ENV = "flask-fresh"
ADMIN_ENV = "flask-fresh-admin"  # Flask-Admin without Flask-Babel installed beside it
ESTIMATE_S = (15, 40)
HASH_REPEATS = {True: 1, False: 5}  # by quick
DISTRIBUTIONS = ["flask", "werkzeug", "jinja2", "itsdangerous", "click", "flask-sqlalchemy",
                 "sqlalchemy", "flask-login", "flask-wtf", "wtforms", "flask-admin",
                 "flask-babel", "babel", "flask-migrate", "alembic"]  # fmt: skip
ADMIN_DISTRIBUTIONS = [
    "flask",
    "werkzeug",
    "flask-admin",
    "flask-sqlalchemy",
    "sqlalchemy",
    "wtforms",
]
FIGURES = {
    "run_command_with_threads_default": "bool: default of `flask run --with-threads` (click)",
    "app_run_threaded_default": "bool|null: threaded= that Flask.run passes to run_simple",
    "run_simple_threaded_default": "bool: signature default of run_simple's threaded",
    "flask_run_concurrent_wall_s": "s: wall time of 20 concurrent GETs of a 200 ms view, flask run",
    "flask_run_distinct_threads": "count: distinct thread ids those 20 requests report",
    "header_x_frame_options": "str|null: X-Frame-Options of the bare app's home page",
    "header_x_content_type_options": "str|null: X-Content-Type-Options of that page",
    "header_referrer_policy": "str|null: Referrer-Policy of that page",
    "header_cross_origin_opener_policy": "str|null: Cross-Origin-Opener-Policy of that page",
    "session_cookie_samesite": "str|null: SameSite of the bare app's session cookie",
    "session_cookie_httponly": "bool: HttpOnly on that cookie",
    "session_cookie_secure": "bool: Secure on that cookie",
    "session_cookie_readable_without_key": "bool: payload read with no key (base64, zlib, JSON)",
    "session_cookie_decoded_keys": "list: session keys read that way",
    "session_cookie_tampered_rejected": "bool: one payload byte changed -> the app sees {}",
    "session_cookie_login_keys": "list: keys read with no key after a Flask-Login sign-in",
    "login_succeeded": "bool: the Flask-Login + Flask-WTF sign-in went through",
    "csrf_post_bare_status": "HTTP status: form POST with no token, bare app",
    "csrf_post_csrfprotect_status": "HTTP status: the same POST with CSRFProtect",
    "autoescape_html": "bool: <script> escaped by render_template from a .html template",
    "autoescape_txt": "bool: the same from a .txt template",
    "autoescape_j2": "bool: the same from a .j2 template",
    "autoescape_render_template_string": "bool: the same by render_template_string",
    "password_hash_method": "str: method:params of werkzeug generate_password_hash's default",
    "password_hash_ms": "ms: median time of one such hash (5 hashes; quick: 1)",
    "password_hash_verifies": "bool: check_password_hash accepts that hash",
    "cli_commands": "list: commands `flask --help` lists for the bare app",
    "scaffold_commands": "list: commands of `flask --help` (no app) named to start a project",
    "scaffold_files": "count: files those commands create in an empty directory",
    "admin_anonymous_get_status": "HTTP status: GET /admin/ with no sign-in",
    "admin_anonymous_post_created_row": "bool: an anonymous POST to the create form added a row",
    "admin_with_flask_babel_installed_status": "HTTP status: the same GET, Flask-Babel installed",
    "admin_register_lines": "lines: code app_admin.py adds to the ORM app (imports included)",
    "rate_limit_429_count": "count: 429 answers among 200 rapid failed sign-ins, bare app",
    "rate_limit_statuses": "status -> count of those 200 answers",
    "gzip_content_encoding": "str|null: Content-Encoding of the home page, gzip accepted",
    "gzip_page_bytes": "bytes: size of that page as sent",
    "methodview_wrong_method_status": "HTTP status: POST to a MethodView with only get",
    "werkzeug_rule_endpoint_is_string": "bool: Map.bind().match() returns the endpoint name (str)",
    "werkzeug_views_module_exists": "bool: werkzeug has a views module (class-based views)",
    "errorhandler_404_renders": "bool: the custom 404 handler's template is served with 404",
    "errorhandler_500_renders": "bool: the custom 500 handler's template, debug off",
    "debugger_console_shown": "bool: the debug exception page has `__debugger__` and EVALEX = true",
    "debugger_pin_protected": "bool: PIN printed, EVALEX_TRUSTED = false, no PIN -> no command",
    "debugger_command_with_pin_executed": "bool: control: the command runs after pinauth",
    "blueprint_two_prefixes_ok": "bool: one blueprint under /a and /b (two names), both 200",
    "transaction_view_status": "HTTP status of the view that adds, flushes and raises",
    "transaction_partial_rows": "rows: that view's row left in the table afterwards",
    "orm_injection_rows": "rows: select().where(Note.title == q), q = ' OR 1=1 --",
    "raw_fstring_injection_rows": "rows: text(f-string) with the same q (control)",
    "orm_exact_match_rows": "rows: the ORM search for a stored title (control)",
    "injection_table_rows": "rows in the table searched",
    "migration_packages": "count: distributions Flask-Migrate adds beyond Flask + Flask-SQLAlchemy",
    "migration_package_names": "list: those distributions",
    "migration_commands": "commands: flask db init once, then those to add a field and apply it",
    "migration_field_applied": "bool: those commands added the column (and each was needed)",
    "babel_default_fr_unchanged": "bool: Flask-Babel as set up: Accept-Language fr changes nothing",
    "babel_selector_fr_changed": "bool: with a locale selector and French catalogue it does",
    "babel_default_locale_fr": "bool: both of the above",
}
NOTES = [
    "Apps served by `flask --app APP run --no-reload` (the development server) from "
    "benchmarks/evidence/probes/flask_fresh; probed over HTTP with requests.",
    "Flask-Admin's figures come from an environment without Flask-Babel (flask-fresh-admin), as "
    "its first example installs it; admin_with_flask_babel_installed_status is the same GET in the "
    "flask-fresh environment, where Flask-Babel is installed but not set up (flask_admin/babel.py "
    "translates through Flask-Babel whenever it can import it).",
    "debugger_console_shown: the 500 page of `flask --debug run` holds Werkzeug's `__debugger__` "
    "resource URLs and `EVALEX = true`. debugger_pin_protected: the server printed a Debugger PIN "
    "(asked for by the page's printpin command, as its console does: with no reloader Werkzeug "
    "does not print it at start), the page says `EVALEX_TRUSTED = false`, and a console command "
    "sent with the page's secret but no PIN cookie did not run (debugger_command_with_pin_executed "
    "is the same command after pinauth with the printed PIN).",
    "rate_limit_429_count: the bare app's /login compares a form password (no hashing).",
    "migration_packages: the marker-evaluated requirement closure of Flask-Migrate minus that of "
    "Flask and Flask-SQLAlchemy, read from the installed metadata.",
]


def run(context: Context) -> Outcome:
    python, admin_python = envs.fresh_env(ENV), envs.fresh_env(ADMIN_ENV)
    work, notes = context.work, list(NOTES)
    env = serving.app_environment(secrets.token_hex(16), work / "notes.sqlite3", work / "fr")
    figures: dict = {}

    def attempt(what: str, measure: Callable[[], dict]) -> None:
        context.say(f"flask_fresh: {what}")
        try:
            figures.update(measure())
        except Exception as error:  # one probe failing leaves the others' figures standing
            notes.append(f"{what}: not measured ({type(error).__name__}: {error})")

    def served(app: str, measure: Callable, debug=False, env_python=python) -> Callable[[], dict]:
        def serve_and_measure() -> dict:
            database = work / f"{app}.sqlite3"
            app_env = env | {"PROBE_DATABASE_URL": f"sqlite:///{database}"}
            log = work / f"{app}{'-debug' if debug else ''}.log"
            with serving.served(env_python, app, app_env, log, debug) as server:
                return measure(server, database)

        return serve_and_measure

    attempt("introspection", lambda: introspect(python, env, context))
    markers, installed = figures.pop("markers", {}), figures.pop("requirements", None)
    if installed is not None:
        added = readings.extra_distributions(
            "Flask-Migrate", ["Flask", "Flask-SQLAlchemy"], installed, markers
        )
        figures.update(migration_packages=len(added), migration_package_names=added)
    attempt("command line", lambda: command_line(python, env, work / "scaffold"))
    attempt("bare app", served("app_bare", lambda s, _: bare_app(s.url)))
    attempt("debugger", served("app_bare", lambda s, _: checks.debugger(s.url, s.output), True))
    attempt("CSRFProtect", served("app_csrf", csrf_protected))
    attempt("Flask-SQLAlchemy", served("app_orm", lambda s, db: checks.orm(s.url, db)))
    admin = served("app_admin", lambda s, db: checks.admin(s.url, db), env_python=admin_python)
    attempt("Flask-Admin", admin)
    attempt("Flask-Admin beside Flask-Babel", served("app_admin", admin_beside_flask_babel))
    admin_source = (serving.PROBES / "app_admin.py").read_text()
    figures["admin_register_lines"] = readings.added_lines(admin_source)
    attempt("Flask-Login", served("app_login", lambda s, _: checks.login_cookie_keys(s.url)))
    attempt("Flask-Babel", lambda: babel(python, env, work / "fr", served))
    attempt("Flask-Migrate", lambda: migration.add_a_field(python, env, work / "migrating"))
    if figures.get("migration_field_applied") is False:
        notes.append("migration_commands: left out, the commands did not add the field as expected")
    if context.quick:
        notes.append("quick: password_hash_ms is one hash, not the median of five")
    versions = envs.versions(python, DISTRIBUTIONS) | {
        "python": markers.get("python_full_version", "unknown"),
        "requests": requests.__version__,
        "packaging": packaging.__version__,
    }
    admin_versions = envs.versions(admin_python, ADMIN_DISTRIBUTIONS)
    versions |= {f"{ADMIN_ENV}/{name}": version for name, version in admin_versions.items()}
    return Outcome(figures=figures, versions=versions, notes=notes)


def introspect(python: Path, env: dict, context: Context) -> dict:
    """The defaults read inside the environment by probes/flask_fresh/introspect.py."""
    done = subprocess.run(
        [str(python), "introspect.py", str(HASH_REPEATS[context.quick])],
        cwd=serving.PROBES, env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def command_line(python: Path, env: dict, empty: Path) -> dict:
    """`flask --help` for the bare app; what project-starting commands create in a new folder."""
    listed = serving.flask_command(python, ["--app", "app_bare", "--help"], env)
    if listed.returncode != 0:
        raise RuntimeError(f"flask --app app_bare --help: {listed.stderr}")
    empty.mkdir(parents=True)
    bare_help = serving.flask_command(python, ["--help"], env, cwd=empty)
    candidates = readings.scaffolding_candidates(readings.help_commands(bare_help.stdout))
    for command in candidates:
        serving.flask_command(python, [command, "project"], env, cwd=empty, timeout=30)
    return {
        "cli_commands": readings.help_commands(listed.stdout),
        "scaffold_commands": candidates,
        "scaffold_files": sum(1 for path in empty.rglob("*") if path.is_file()),
    }


def csrf_protected(server: serving.Served, _database: Path) -> dict:
    return {"csrf_post_csrfprotect_status": checks.form_post_status(server.url)}


def admin_beside_flask_babel(server: serving.Served, _database: Path) -> dict:
    return {"admin_with_flask_babel_installed_status": checks.admin_index_status(server.url)}


def bare_app(url: str) -> dict:
    return (
        checks.concurrency(url)
        | checks.page_headers(url)
        | checks.session_cookie(url)
        | {"csrf_post_bare_status": checks.form_post_status(url)}
        | checks.rate_limit(url)
        | checks.views(url)
    )


def babel(python: Path, env: dict, catalogue: Path, served: Callable) -> dict:
    """Accept-Language: fr as Flask-Babel comes, then with a selector and a compiled catalogue."""
    shutil.copytree(serving.PROBES / "translations", catalogue)
    pybabel = [str(python.parent / "pybabel"), "compile", "--directory", str(catalogue)]
    subprocess.run(pybabel, env=env, capture_output=True, timeout=60, check=True)

    def french(server, _database) -> bool:
        return checks.greeting_changes_with_french(server.url)

    unchanged = not served("app_babel", french)()
    changed = served("app_babel_fr", french)()
    return {
        "babel_default_fr_unchanged": unchanged,
        "babel_selector_fr_changed": changed,
        "babel_default_locale_fr": unchanged and changed,
    }
