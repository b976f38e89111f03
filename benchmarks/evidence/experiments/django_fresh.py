"""A project made by `startproject` and `startapp` as a newcomer would, probed for its defaults.

The scratch project keeps startproject's settings (its MIDDLEWARE, its password validators) and
adds only the `notes` app of probes/django_fresh/project/: a `Note(title)` model, a form page, a
slow view, a view that writes then raises, an ORM search and an f-string SQL control, a sitemap
and a feed. `runserver --noreload` serves it once per settings variant and the probes speak HTTP
from this side; probes/django_fresh/introspect.py answers from inside the environment.
"""

import json
import os
import secrets
import subprocess
from importlib import metadata
from pathlib import Path

from benchmarks.evidence.envs import fresh_env, versions
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.experiments import _django_fresh_http as http
from benchmarks.evidence.experiments._django_fresh_project import Project, created_files, runserver
from benchmarks.evidence.experiments._django_fresh_readings import (
    added_lines,
    deploy_check_ids,
    password_hash_parts,
    sitemap_feed_lines,
)

NAME = "django_fresh"
TITLE = "A fresh startproject + startapp served by runserver: security defaults, batteries, limits"
ESTIMATE_S = (40, 70)
FIGURES = {
    "startproject_files": "files `startproject` creates (count)",
    "startproject_lines": "lines in the files `startproject` creates, all lines (count)",
    "startapp_files": "files `startapp` creates, migrations/__init__.py included (count)",
    "startapp_has_migrations": "`startapp` creates a migrations package (bool)",
    "header_x_frame_options": "X-Frame-Options on a page (string, null when absent)",
    "header_x_content_type_options": "X-Content-Type-Options on a page (string, null when absent)",
    "header_referrer_policy": "Referrer-Policy on a page (string, null when absent)",
    "header_cross_origin_opener_policy": "Cross-Origin-Opener-Policy on a page (string or null)",
    "csrf_post_without_token_status": "status of a POST to the form page with a session, no token",
    "session_cookie_samesite": "SameSite of the session cookie after an admin login (string)",
    "session_cookie_httponly": "the session cookie is HttpOnly (bool)",
    "session_cookie_secure": "the session cookie is Secure (bool)",
    "session_cookie_holds_data": "decoding the sessionid value without a key reveals data (bool)",
    "password_hash_algorithm": "algorithm of a real make_password hash (string)",
    "password_hash_iterations": "iterations in that hash (count)",
    "password_hash_ms": "time of one make_password, median of 5 (1 with --quick), ms",
    "password_validators_startproject": "validators in the generated settings (count)",
    "password_validators_global_default": "validators in global_settings (count)",
    "check_deploy_warnings": "issues `check --deploy` reports on the fresh project (count)",
    "check_deploy_ids": "their check ids, in order (list of strings like security.W004)",
    "rate_limit_429_count": "429 answers to 200 rapid wrong-password POSTs to /admin/login/",
    "rate_limit_source_hits": ".py files in django/ matching throttl|ratelimit|rate_limit (count)",
    "admin_anonymous_status": "status of an anonymous GET /admin/, redirects not followed",
    "admin_anonymous_redirects_to_login": "that answer redirects to the admin login page (bool)",
    "orm_injection_rows": "rows the ORM search returns for ' OR 1=1 -- (count, 3+ rows stored)",
    "raw_fstring_injection_rows": "rows the f-string SQL control returns for it (count)",
    "transaction_partial_rows": "rows left by a view that writes then raises, ATOMIC_REQUESTS on",
    "transaction_partial_rows_default": "rows it leaves with startproject's settings (count)",
    "runserver_concurrent_wall_s": "wall time of 20 concurrent GETs of a 200 ms view, s",
    "runserver_distinct_threads": "distinct thread ids those 20 requests report (count)",
    "debug_technical_500": "with DEBUG=True an exception gives the technical 500 page (bool)",
    "custom_404_renders": "a 404.html template renders with DEBUG=False (bool)",
    "gzip_in_default_middleware": "GZipMiddleware is in startproject's MIDDLEWARE (bool)",
    "gzip_content_encoding": "Content-Encoding with GZipMiddleware added (string or null)",
    "french_with_default_middleware": "Accept-Language: fr gives the French admin login (bool)",
    "french_with_locale_middleware": "the same with LocaleMiddleware added (bool)",
    "sitemap_parses": "/sitemap.xml parses as XML with 1+ url (bool)",
    "feed_parses": "/feed/ parses as RSS with 1+ item (bool)",
    "sitemap_feed_lines": "lines written to wire the sitemap and the feed (count)",
    "auth_groups_permissions": "Group and Permission exist and a group grant is checked (bool)",
    "manage_commands": "commands `manage.py help --commands` lists on the fresh project (count)",
    "admin_register_lines": "lines added to startapp's admin.py to register Note (count)",
    "admin_crud_ok": "a staff user creates, edits and deletes a Note through the admin (bool)",
}

ENV = "django-fresh"
PROBES = Path(__file__).resolve().parent.parent / "probes" / "django_fresh"
PROJECT_NAMES = ("site", "mysite")  # the brief's name, then the tutorial's if Django refuses it
PAYLOAD = "' OR 1=1 --"
SEED = "from notes.models import Note; Note.objects.bulk_create(Note(title=t) for t in {titles})"
SEED_TITLES = ("alpha", "beta", "gamma")
USER = "admin"
SLEEP_MS, CONCURRENT = 200, 20
RATE_LIMIT_POSTS = 200
PYTHON_VERSION = "-c", "import platform; print(platform.python_version())"


def scaffold(project: Project, notes: list[str]) -> dict:
    """startproject and startapp as a newcomer types them, measured before anything is added."""
    admin = project.python.parent / "django-admin"
    for name in PROJECT_NAMES:
        result = subprocess.run(
            [str(admin), "startproject", name, "."],
            cwd=project.root,
            env=project.environ(None),
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            project.name = name
            break
        notes.append(f"`django-admin startproject {name} .` was refused: {result.stderr.strip()}")
    else:
        raise RuntimeError("startproject refused every project name tried")
    made = created_files(project.root)
    deploy = project.run("manage.py", "check", "--deploy", variant=None, check=False)
    ids = deploy_check_ids(deploy.stderr + deploy.stdout)
    commands = project.run("manage.py", "help", "--commands", variant=None).stdout.split()
    project.run("manage.py", "startapp", "notes", variant=None)
    return {
        "startproject_files": len(made),
        "startproject_lines": sum(len(p.read_text().splitlines()) for p in made),
        "startapp_files": len(created_files(project.root / "notes")),
        "startapp_has_migrations": (project.root / "notes" / "migrations" / "__init__.py").exists(),
        "check_deploy_warnings": len(ids),
        "check_deploy_ids": ids,
        "manage_commands": len(commands),
    }


def build(project: Project, password: str) -> dict:
    """Add the probe's app, migrate, create the staff user and store three notes."""
    generated_admin = (project.root / "notes" / "admin.py").read_text()
    for source in created_files(PROBES / "project"):
        target = project.root / source.relative_to(PROBES / "project")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    project.run("manage.py", "makemigrations", "notes")
    project.run("manage.py", "migrate", "--noinput")
    project.run(
        "manage.py",
        "createsuperuser",
        "--noinput",
        "--username",
        USER,
        "--email",
        "admin@example.com",
        DJANGO_SUPERUSER_PASSWORD=password,
    )
    project.run("manage.py", "shell", "-c", SEED.format(titles=SEED_TITLES))
    return {
        "admin_register_lines": added_lines(
            generated_admin, (PROBES / "project" / "notes" / "admin.py").read_text()
        ),
        "sitemap_feed_lines": sitemap_feed_lines(PROBES / "project"),
    }


def measured(figures: dict, notes: list[str], what: str, probe, *args) -> None:
    """Add one probe's figures; a probe that fails leaves its figures out, with the reason."""
    try:
        figures.update(probe(*args))
    except (OSError, ValueError, KeyError, RuntimeError) as error:  # requests' errors are OSErrors
        notes.append(f"{what} not measured: {type(error).__name__}: {error}")


def introspection(project: Project, timings: int, notes: list[str]) -> dict:
    """The environment's own answers; the password hash is parsed here from a real one."""
    found = json.loads(
        project.run(str(PROBES / "introspect.py"), project.name, str(timings)).stdout
    )
    password = found.pop("password")
    algorithm, iterations = password_hash_parts(password["encoded"])
    notes.append(f"make_password timings (ms): {[round(ms, 1) for ms in password['ms']]}")
    return {
        **found,
        "password_hash_algorithm": algorithm,
        "password_hash_iterations": iterations,
        "password_hash_ms": round(password["median_ms"], 1),
    }


def with_generated_settings(base: str, password: str, quick: bool, notes: list[str]) -> dict:
    """Every probe that needs startproject's settings as they are (DEBUG=True as generated)."""
    figures: dict = {}
    measured(figures, notes, "headers", http.page_headers, base)
    measured(figures, notes, "anonymous admin", http.anonymous_admin, base)
    try:
        staff, cookie = http.admin_login(base, USER, password)
    except (OSError, ValueError) as error:
        notes.append(
            f"admin login failed, so session, CSRF and admin CRUD figures are missing: {error}"
        )
        staff = None
    if staff is not None:
        measured(figures, notes, "session cookie", http.session_cookie, cookie, notes)
        measured(figures, notes, "CSRF", http.csrf_refusal, base, staff, notes)
        measured(figures, notes, "admin CRUD", http.admin_crud, base, staff, notes)
    measured(figures, notes, "injection", http.injection, base, PAYLOAD, len(SEED_TITLES))

    def transaction() -> dict:
        rows, response = http.write_then_raise(base, "written by the default settings")
        return {
            "transaction_partial_rows_default": rows,
            "debug_technical_500": http.technical_500(response),
        }

    measured(figures, notes, "transaction (default)", transaction)
    measured(
        figures,
        notes,
        "concurrency",
        http.concurrency,
        base,
        1 if quick else 3,
        CONCURRENT,
        SLEEP_MS,
    )
    measured(
        figures,
        notes,
        "French (default middleware)",
        lambda: {"french_with_default_middleware": http.admin_in_french(base)},
    )
    measured(figures, notes, "sitemap and feed", http.sitemap_and_feed, base)
    measured(figures, notes, "rate limit", http.rate_limit, base, USER, RATE_LIMIT_POSTS, notes)
    return figures


def served(project: Project, variant: str, context: Context, probe) -> dict:
    with runserver(project, variant, context.work) as base:
        return probe(base)


def run(context: Context) -> Outcome:
    project = Project(fresh_env(ENV), context.work / "project")
    project.root.mkdir()
    notes = [f"load average at the start (1, 5, 15 min): {os.getloadavg()}"]
    password = secrets.token_urlsafe(18)
    figures = scaffold(project, notes)
    figures.update(build(project, password))
    context.say(f"{NAME}: {project.name} scaffolded and migrated; introspecting")
    measured(
        figures, notes, "introspection", introspection, project, 1 if context.quick else 5, notes
    )
    variants = {
        "default": lambda base: with_generated_settings(base, password, context.quick, notes),
        "atomic": lambda base: {
            "transaction_partial_rows": http.write_then_raise(
                base, "written under ATOMIC_REQUESTS"
            )[0]
        },
        "production": lambda base: {"custom_404_renders": http.custom_404(base)},
        "gzip": lambda base: http.gzip_encoding(base, notes),
        "locale": lambda base: {"french_with_locale_middleware": http.admin_in_french(base)},
    }
    for variant, probe in variants.items():
        context.say(f"{NAME}: runserver with the {variant} settings")
        measured(figures, notes, f"the {variant} server", served, project, variant, context, probe)
    notes += [
        f"project package: {project.name}; the probe settings add the notes app and "
        "django.contrib.sitemaps to startproject's settings and point ROOT_URLCONF at its URLs "
        "plus the app's; the default variant changes nothing else",
        "transaction_partial_rows is measured with one setting added, "
        "DATABASES['default']['ATOMIC_REQUESTS'] = True; _default without it",
        "custom_404_renders runs with DEBUG=False and ALLOWED_HOSTS=['127.0.0.1', 'localhost']; "
        "gzip_content_encoding adds GZipMiddleware first; french_with_locale_middleware adds "
        "LocaleMiddleware after SessionMiddleware",
        f"served by `manage.py runserver --noreload` on SQLite; {CONCURRENT} GETs of a "
        f"{SLEEP_MS} ms view, {'1 run' if context.quick else 'median of 3 runs'}",
    ]
    found = versions(project.python, ["django", "asgiref", "sqlparse"])
    found["python"] = project.run(*PYTHON_VERSION, variant=None).stdout.strip()
    found["requests"] = metadata.version("requests")
    return Outcome(figures=figures, versions=found, notes=notes)
