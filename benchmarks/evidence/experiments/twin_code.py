"""What the twins' own code shows: structure, configuration, forms, duplication, dependencies."""

# Probe scripts run in each twin's own environment (probes/twin_code/*_probe.py); the rest reads
# the code by AST, counts lines with benchmarks/size (pygount) and asks PyPI about the locks. The
# measurements are in probes/twin_code/sections.py, one function per part.

import platform
import subprocess
import sys
import traceback
from importlib import metadata

from benchmarks.evidence.envs import UV, fresh_env
from benchmarks.evidence.envs import versions as installed_versions
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.probes.twin_code import clones, packages, sections
from benchmarks.evidence.probes.twin_code.twins import TWIN_NAMES, python_of

NAME = "twin_code"
TITLE = "The twins' own code: structure, configuration, forms, duplication, dependencies"
ESTIMATE_S = (45, 60)
CATALOGUE = ("cte", "window_function", "composite_primary_key", "bulk_upsert")
LINES = "pygount source lines (no blanks, comments or docstrings)"
CONFIG_FILES = {
    "django": "django_impl/config/settings.py",
    "flask": "flask_impl/config.py, and the statements of create_app() in flask_impl/__init__.py "
    "that touch app.config",
}
PER_TWIN = {
    "html_routes": "routes outside /api/ and /static/ that take GET (Flask: app.url_map of "
    "create_app(); Django: the resolver, with the methods each view lets through) and, fetched "
    "signed out from the twin served with the demo data (parameters filled from its JSON API), "
    "do not answer 2xx with another type than text/html (count)",
    "html_route_list": "those routes (list)",
    "other_get_routes": "routes left out of those for answering 2xx with another type (list)",
    "html_routes_ok": "of its parameter-free HTML routes, those that answered 200 text/html or a "
    "redirect (count)",
    "html_routes_total": "its parameter-free HTML routes (count)",
    "html_routes_ok_all": "of all its HTML routes, those that answered 200 text/html or a "
    "redirect (count)",
    "config_lines": f"configuration, {LINES}: {{files}}",
    "config_sources": "kinds of configuration source its code reads (by AST over its code), count",
    "config_source_kinds": "those kinds (list)",
    "config_env_vars": "environment variables its code names (list)",
    "forms_lines": f"its forms modules (the forms layer of benchmarks/size), {LINES}",
    "forms_packages": "distributions its form classes' bases come from beyond the framework, with "
    "what they require beyond the framework's own requirement closure (count)",
    "forms_package_names": "those distributions (list)",
    "duplicate_lines": f"lines holding a token of a run of {clones.WINDOW} tokens repeated "
    "elsewhere in the twin (token-window clone detector; imports and docstrings left out), count",
    "scanned_lines": "lines the clone detector read that hold a token (count)",
    "duplicate_share": "duplicate_lines / scanned_lines (0-1)",
    "code_lines": f"the twin's code, {LINES}, templates included, tests and migrations left out",
    "generic_share": "share of the classes its modules define that have a class of its framework's "
    "packages ({framework}) in their __mro__ (0-1)",
    "classes_total": "classes its modules define at module level (tests, migrations left out)",
    "auth_extensions": "distributions its accounts code imports directly, other than the "
    "framework and what the framework requires (count)",
    "auth_extension_names": "those distributions (list)",
    "auth_lines": f"the accounts.* features of shared_spec/features.yaml, {LINES} (a reference two "
    "features name counts twice)",
    "freeze_count": "distributions in its environment (`uv pip freeze`; the twins hold no pip)",
    "lock_count": "distributions pinned in its requirements.txt",
    "beyond_lock": "distributions in its environment that its lock does not pin (list)",
    "pip_check_ok": "`uv pip check` finds no conflict in its environment (bool)",
    "audit_audited": "distributions of its lock pip-audit could audit (count)",
    "vulnerabilities": "known vulnerabilities pip-audit reports for its lock (count)",
    "release_age_days_median": "median age of its lock's pinned releases on PyPI (days)",
    "release_age_days_max": "age of its lock's oldest pinned release on PyPI (days)",
    "orm_catalogue_count": "catalogue queries its ORM ran without raw SQL on an in-memory SQLite, "
    "its result and the construct in the SQL sent checked (count of 4)",
}
FIGURES = {
    f"{twin}_{key}": text.format(files=CONFIG_FILES[twin], framework=", ".join(sorted(
        packages.FRAMEWORK_PACKAGES[twin])))
    for twin in TWIN_NAMES for key, text in PER_TWIN.items()
}  # fmt: skip
FIGURES |= {
    "flask_blueprints": "blueprints registered on create_app() (len(app.blueprints), count)",
    "flask_blueprints_with_own_templates": "blueprints whose template_folder exists (count)",
    "flask_blueprint_names": "their names (list)",
    "html_routes_crawled_ok": "every parameter-free HTML route of both twins answered ok (bool)",
    "django_re_path_count": "calls of re_path() in django_impl/**/urls.py (by AST), count",
    "django_path_count": "calls of path() in django_impl/**/urls.py (by AST), count",
    "django_resolver_re_path_patterns": "resolver patterns made by re_path() (count)",
    "duplicate_lines_by_window": "duplicate lines of each twin at other window sizes (list)",
    "dependency_latest_release_age_days": "per twin, max and median age of its locked releases "
    "(list of {twin, max, median, oldest})",
    "orm_catalogue_django": f"of {', '.join(CATALOGUE)}: those the Django ORM ran (list)",
    "orm_catalogue_flask": f"of {', '.join(CATALOGUE)}: those SQLAlchemy ran (list)",
    "swap_jinja2_lines": f"settings of the Django Jinja2 variant (jinja2_settings.py), {LINES}",
    "swap_jinja2_environment_lines": f"its Jinja2 environment module, {LINES}",
    "swap_jinja2_template_lines": f"the templates it rewrites for Jinja2, {LINES}",
    "swap_middleware_lines": f"settings of the minimal-middleware variant (middleware_none.py), "
    f"{LINES}",
}
VERSIONS = {
    "django": ["django", "asgiref", "sqlparse"],
    "flask": ["flask", "werkzeug", "jinja2", "flask-wtf", "wtforms", "flask-login",
              "flask-sqlalchemy", "sqlalchemy"],
}  # fmt: skip


def measured_versions() -> dict[str, str]:
    """The versions the figures depend on: the twins' frameworks, pygount, pip-audit, uv."""
    found = {"python": platform.python_version()}
    for twin, names in VERSIONS.items():
        found |= installed_versions(python_of(twin), names)
    found |= {name: metadata.version(name) for name in ("pygount", "packaging")}
    found |= installed_versions(fresh_env("audit"), ["pip-audit"])
    uv = subprocess.run([str(UV), "--version"], capture_output=True, text=True, check=True)
    found["uv"] = uv.stdout.split()[1]
    return found


def run(context: Context) -> Outcome:
    figures: dict = {}
    notes = [
        f"clone detector: windows of {clones.WINDOW} tokens (other windows in "
        "duplicate_lines_by_window); the same thresholds for both twins",
        "the crawl GETs each candidate page route once, signed out, redirects not followed, on "
        "the twin served by gunicorn with shared_spec/seed/seed.json loaded",
    ]
    if context.quick:
        notes.append("quick: the same measurements as the full run (none of them repeats)")
    for part in sections.PARTS:
        context.say(f"  {part.__name__}")
        try:
            figures |= part(context, notes)
        except Exception as error:  # one part failing leaves the others' figures standing
            notes.append(f"{part.__name__} failed, its figures left out: "
                         f"{type(error).__name__}: {error}")  # fmt: skip
            print(traceback.format_exc()[-2000:], file=sys.stderr)
    return Outcome(figures, measured_versions(), notes)
