"""The twin_code experiment's measurements, one function per part, each returning its figures."""

import json
import urllib.error
from collections import Counter
from pathlib import Path

from benchmarks.evidence.envs import fresh_env
from benchmarks.evidence.experiment import Context
from benchmarks.evidence.probes.twin_code import clones, configuration, locks, packages, routes
from benchmarks.evidence.probes.twin_code.twins import (
    TWIN_NAMES,
    code_files,
    freeze,
    module_name,
    probe,
    uv_pip,
)
from benchmarks.size.loc import WINGS, by_feature, by_layer
from benchmarks.size.sloc import file_lines
from launcher import ROOT, SEED, running_twin, sqlite_url

VARIANTS = ROOT / "benchmarks" / "apps" / "django_variants"
SENSITIVITY_WINDOWS = (20, 30, 50, 100)
ORM_PROBES = {"django": "orm_django_probe.py", "flask": "orm_flask_probe.py"}


def lock_of(twin: str) -> Path:
    return WINGS[twin] / "requirements.txt"


def lines_of(path: Path) -> int:
    return file_lines(path.name, path.read_text())


def keep(context: Context, name: str, data) -> None:
    """A probe's raw answer, kept beside the figures (raw/twin_code/<name>.json)."""
    folder = context.out / "raw" / "twin_code"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(data, indent=1))


def structure(context: Context, notes: list[str]) -> dict:
    """Blueprints, page routes (and a crawl of the parameter-free ones), path() and re_path()."""
    found = {
        "flask": probe("flask", "flask_app_probe.py", work=context.work),
        "django": probe("django", "django_routes_probe.py", work=context.work),
    }
    blueprints = found["flask"]["blueprints"]
    calls = Counter()
    for path in sorted(WINGS["django"].rglob("urls.py")):
        calls.update(routes.url_function_calls(path.read_text()))
    figures = {
        "flask_blueprints": len(blueprints),
        "flask_blueprints_with_own_templates": sum(b["template_folder_exists"] for b in blueprints),
        "flask_blueprint_names": [blueprint["name"] for blueprint in blueprints],
        "django_re_path_count": calls["re_path"],
        "django_path_count": calls["path"],
        "django_resolver_re_path_patterns": sum(
            route["kind"] == "re_path" for route in found["django"]["routes"]
        ),
    }
    for twin in TWIN_NAMES:
        context.say(f"  {twin}: serving the demo data, crawling its page routes")
        database = sqlite_url(context.work / f"{twin}-crawl.sqlite3")
        log = context.work / f"{twin}-gunicorn.log"
        with running_twin(twin, database_url=database, seed=SEED, log_path=log) as served:
            answers = routes.crawl(served.base_url, found[twin]["routes"])
        keep(context, f"{twin}-crawl", answers)
        figures |= routes.page_figures(twin, answers, notes)
    figures["html_routes_crawled_ok"] = all(
        figures[f"{twin}_html_routes_ok"] == figures[f"{twin}_html_routes_total"]
        for twin in TWIN_NAMES
    )
    return figures


def configuration_figures(context: Context, notes: list[str]) -> dict:
    """Configuration lines (settings.py; config.py and create_app's config part) and sources."""
    figures = {
        "django_config_lines": lines_of(WINGS["django"] / "config" / "settings.py"),
        "flask_config_lines": lines_of(WINGS["flask"] / "config.py")
        + configuration.config_statement_lines(WINGS["flask"] / "__init__.py", "create_app"),
    }
    for twin in TWIN_NAMES:
        read = configuration.sources(code_files(twin))
        figures[f"{twin}_config_sources"] = len(read["kinds"])
        figures[f"{twin}_config_source_kinds"] = read["kinds"]
        figures[f"{twin}_config_env_vars"] = read["environment_variables"]
    return figures


def code(context: Context, notes: list[str]) -> dict:
    """Classes built on the framework, what forms and accounts need, and line counts."""
    features = by_feature()
    figures = {}
    for twin in TWIN_NAMES:
        files = code_files(twin)
        found = probe(twin, "code_probe.py", *[module_name(twin, path) for path in files],
                      work=context.work)  # fmt: skip
        keep(context, f"{twin}-classes", found["classes"])
        framework, total = packages.generic_share(twin, found)
        forms = packages.forms_distributions(twin, found)
        accounts = [path for path in files if path.relative_to(WINGS[twin]).parts[0] == "accounts"]
        auth = packages.imported_distributions(twin, found, accounts)
        layers = by_layer(WINGS[twin])
        figures |= {
            f"{twin}_generic_share": framework / total if total else None,
            f"{twin}_classes_total": total,
            f"{twin}_forms_packages": len(forms),
            f"{twin}_forms_package_names": forms,
            f"{twin}_forms_lines": layers["layers"].get("forms", {}).get("lines", 0),
            f"{twin}_code_lines": layers["total"],
            f"{twin}_auth_extensions": len(auth),
            f"{twin}_auth_extension_names": auth,
            f"{twin}_auth_lines": sum(
                sides[twin] for feature, sides in features.items()
                if feature.startswith("accounts.")
            ),
        }  # fmt: skip
    return figures


def duplication(context: Context, notes: list[str]) -> dict:
    """Duplicated lines by the token-window clone detector, the same window for both twins."""
    files = {
        twin: {str(path.relative_to(WINGS[twin])): path for path in code_files(twin)}
        for twin in TWIN_NAMES
    }
    figures, by_window = {}, []
    for window in sorted({clones.WINDOW, *SENSITIVITY_WINDOWS}):
        measured = {twin: clones.measure(files[twin], window) for twin in TWIN_NAMES}
        by_window.append({"window": window} | {
            twin: measured[twin]["duplicate_lines"] for twin in TWIN_NAMES})  # fmt: skip
        if window != clones.WINDOW:
            continue
        for twin, result in measured.items():
            figures[f"{twin}_duplicate_lines"] = result["duplicate_lines"]
            figures[f"{twin}_scanned_lines"] = result["code_lines"]
            figures[f"{twin}_duplicate_share"] = (
                result["duplicate_lines"] / result["code_lines"] if result["code_lines"] else None
            )
    figures["duplicate_lines_by_window"] = by_window
    return figures


def environments(context: Context, notes: list[str]) -> dict:
    """Each twin's environment against its lock, and `uv pip check`."""
    figures = {}
    for twin in TWIN_NAMES:
        frozen = freeze(twin)
        pinned = locks.pins(lock_of(twin).read_text())
        figures |= {
            f"{twin}_freeze_count": len(frozen),
            f"{twin}_lock_count": len(pinned),
            f"{twin}_beyond_lock": sorted(
                set(map(packages.normalize, locks.pins("\n".join(frozen))))
                - set(map(packages.normalize, pinned))
            ),
            f"{twin}_pip_check_ok": uv_pip(twin, "check").returncode == 0,
        }  # fmt: skip
    return figures


def vulnerabilities(context: Context, notes: list[str]) -> dict:
    """pip-audit on each lock; the count only where every distribution could be audited."""
    pip_audit = fresh_env("audit").parent / "pip-audit"
    figures = {}
    for twin in TWIN_NAMES:
        counts = locks.audit_counts(locks.audit(pip_audit, lock_of(twin)))
        keep(context, f"{twin}-audit", counts)
        figures[f"{twin}_audit_audited"] = counts["audited"]
        if counts["skipped"]:
            notes.append(
                f"{twin}_vulnerabilities left out: pip-audit could audit {counts['audited']} of "
                f"{counts['audited'] + counts['skipped']} locked distributions "
                f"({'; '.join(counts['skip_reasons'])}): PyPI's vulnerability service, which "
                "pip-audit asks per release (/pypi/<name>/<version>/json), did not answer"
            )
        else:
            figures[f"{twin}_vulnerabilities"] = len(counts["vulnerabilities"])
    return figures


def release_ages(context: Context, notes: list[str]) -> dict:
    """Age of each locked release on PyPI, per twin."""
    pinned = {twin: locks.pins(lock_of(twin).read_text()) for twin in TWIN_NAMES}
    releases = {(name, version) for pins in pinned.values() for name, version in pins.items()}
    try:
        found = locks.release_ages(releases)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        notes.append(f"release ages left out: PyPI's JSON API did not answer ({error})")
        return {}
    keep(context, "release-ages", found)
    notes.append(
        "release ages: days from each pinned release's earliest file upload to now, by PyPI's "
        f"JSON API, endpoints read: {', '.join(found['endpoints'])} (a release's own endpoint, "
        "or where that answered 404 its project's, whose releases table has the same uploads)"
    )
    if found["missing"]:
        notes.append(f"releases PyPI lists no file for: {', '.join(found['missing'])}")
    figures, rows = {}, []
    for twin in TWIN_NAMES:
        ages = {key: found["ages"][key] for key in (f"{n}=={v}" for n, v in pinned[twin].items())
                if key in found["ages"]}  # fmt: skip
        summary = locks.age_summary(ages)
        figures[f"{twin}_release_age_days_median"] = summary["median"]
        figures[f"{twin}_release_age_days_max"] = summary["max"]
        rows.append({"twin": twin} | summary)
    figures["dependency_latest_release_age_days"] = rows
    return figures


def orm_catalogue(context: Context, notes: list[str]) -> dict:
    """The four catalogue queries, executed by each twin's ORM in its own environment."""
    figures = {}
    for twin, script in ORM_PROBES.items():
        result = probe(twin, script, work=context.work, with_twin=False)
        keep(context, f"{twin}-orm", result)
        notes.extend(
            f"{twin} ORM, {name} did not run: {why}" for name, why in result["failed"].items()
        )
        figures[f"orm_catalogue_{twin}"] = result["ran"]
        figures[f"{twin}_orm_catalogue_count"] = len(result["ran"])
    return figures


def swaps(context: Context, notes: list[str]) -> dict:
    """Lines of the Django variants in benchmarks/apps that swap a part of the twin."""
    templates = sorted((VARIANTS / "jinja2").rglob("*.html"))
    return {
        "swap_jinja2_lines": lines_of(VARIANTS / "jinja2_settings.py"),
        "swap_jinja2_environment_lines": lines_of(VARIANTS / "jinja2_environment.py"),
        "swap_jinja2_template_lines": sum(lines_of(path) for path in templates),
        "swap_middleware_lines": lines_of(VARIANTS / "middleware_none.py"),
    }


PARTS = (structure, configuration_figures, code, duplication, environments, vulnerabilities,
         release_ages, orm_catalogue, swaps)  # fmt: skip
