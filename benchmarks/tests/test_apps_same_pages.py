"""The template-engines comparison's Jinja2 port renders the same pages as the Django twin's DTL."""

# Both Targets of benchmarks.apps.catalogue.template_engines() render the comparison's pages
# (home, page 2, the busiest tag), signed out, on one small database: the demo seed migrated and
# loaded once per test run. benchmarks/apps/django_variants/render_pages.py renders them with
# Django's test Client in each Target's own environment; nothing here imports Django.
#
# The one normalisation: whitespace. Every run of whitespace in text is collapsed to one space, so a
# text node between tags that holds only whitespace (where the two engines keep different newlines
# and indents around their own tags) becomes a single space, kept; whitespace inside a tag's
# markup is gone once parsed. Outside <html> whitespace is dropped: DTL keeps a template's final
# newline and Jinja2 (keep_trailing_newline off, its default) does not, Jinja2's doing, not the
# port's. Nothing else is normalised: the signed-out pages carry no per-request value (no CSRF
# token, no message), so elements, attributes (in their written order), text and the data-testid
# hooks must be the same, in the same order.

import difflib
import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, Tag

from benchmarks.apps.catalogue import HOME, HOME_PAGE_2, django_variant, template_engines
from launcher import SEED, TWINS, sqlite_url
from launcher.twins import run_command

PROBE = "benchmarks.apps.django_variants.render_pages"
LABELS = (HOME.label, HOME_PAGE_2.label, "tag")
WHITESPACE = re.compile(r"\s+")
DIFF_LINES = 40


@pytest.fixture(scope="module")
def seeded_database_url(tmp_path_factory) -> str:
    """A SQLite database migrated and loaded with the demo seed by the Django twin's commands."""
    url = sqlite_url(tmp_path_factory.mktemp("same-pages") / "django.sqlite3")
    # The comparison's own environment; no collectstatic: the pages only name /static/conduit.css.
    target = django_variant("provision", "bench-django", "config.settings", url)
    if not target.python.exists():
        pytest.fail(f"{target.venv} is missing: run `make bench-venvs`")
    django = TWINS["django"]
    migrate = next(args for args in django.migrate if "migrate" in args)
    run_command(target, migrate, target.environment())
    run_command(target, (*django.load_seed, str(SEED)), target.environment())
    return url


@pytest.fixture(scope="module")
def rendered(seeded_database_url) -> dict[str, dict[str, dict]]:
    """Each Target's pages by request label: status, body and the DTL templates rendered."""
    comparison = template_engines(seeded_database_url)
    assert tuple(request.label for request in comparison.requests) == LABELS
    pages = {}
    for target in comparison.targets:
        command = [str(target.python), "-m", PROBE, *(r.path for r in comparison.requests)]
        result = subprocess.run(
            command,
            cwd=target.workdir,
            env=target.environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"{target.name}: the probe failed\n{result.stderr}"
        answer = json.loads(result.stdout)
        assert answer["settings"] == target.env["DJANGO_SETTINGS_MODULE"]
        pages[target.name] = {
            request.label: {**page, "marker": request.marker}
            for request, page in zip(comparison.requests, answer["pages"], strict=True)
        }
    return pages


def canonical(html: str) -> list[str]:
    """One line per node, indented by depth: a tag with its attributes, a text, a doctype."""
    lines: list[str] = []

    def walk(node, depth: int) -> None:
        for child in node.children:
            indent = "  " * depth
            if isinstance(child, Tag):
                attributes = "".join(
                    f' {name}="{" ".join(value) if isinstance(value, list) else value}"'
                    for name, value in child.attrs.items()
                )
                lines.append(f"{indent}<{child.name}{attributes}>")
                walk(child, depth + 1)
            elif isinstance(child, Doctype):
                lines.append(f"{indent}<!DOCTYPE {child}>")
            elif isinstance(child, Comment):
                lines.append(f"{indent}<!--{child}-->")
            elif isinstance(child, NavigableString) and (depth or child.strip()):
                text = WHITESPACE.sub(" ", child)
                lines.append(f"{indent}{json.dumps(text, ensure_ascii=False)}")

    walk(BeautifulSoup(html, "html.parser"), 0)
    return lines


def short_diff(expected: list[str], actual: list[str]) -> str:
    diff = list(difflib.unified_diff(expected, actual, "DTL", "Jinja2", n=2, lineterm=""))
    cut = len(diff) - DIFF_LINES
    return "\n".join(diff[:DIFF_LINES] + ([f"... {cut} more diff lines"] if cut > 0 else []))


def test_canonical_form_keeps_structure_and_collapses_only_whitespace():
    written = '<p class="a  b" data-testid="x">One\n   two <b>3</b>\n  </p>\n<!-- c -->\n'
    assert canonical(written) == [
        '<p class="a b" data-testid="x">',
        '  "One two "',
        "  <b>",
        '    "3"',
        '  " "',
        "<!-- c -->",
    ]
    assert canonical("<p><b>a</b>\n\n  <b>b</b></p>") == canonical("<p><b>a</b> <b>b</b></p>")
    assert canonical("<html></html>\n") == canonical("<html></html>")
    assert canonical("<p><b>a</b> <b>b</b></p>") != canonical("<p><b>a</b><b>b</b></p>")
    assert canonical('<a href="/" title="t">') != canonical('<a title="t" href="/">')
    assert canonical("<p>a b</p>") != canonical("<p>ab</p>")


def test_each_engine_renders_its_own_templates(rendered):
    for label in LABELS:
        dtl = rendered["django-dtl"][label]["dtl_templates"]
        assert {"blog/home.html", "blog/_article_list.html", "base.html"} <= set(dtl), label
        # Django's test instrumentation records DTL templates only: none means all Jinja2.
        assert rendered["django-jinja2"][label]["dtl_templates"] == [], label


@pytest.mark.parametrize("label", LABELS)
def test_jinja2_port_renders_the_same_page_as_dtl(rendered, label):
    dtl, jinja2 = rendered["django-dtl"][label], rendered["django-jinja2"][label]
    for page in (dtl, jinja2):
        assert page["status"] == 200, page["path"]
        assert page["marker"] in page["html"], page["path"]
    assert dtl["html"].count('data-testid="article-preview"') >= 10, "a page worth comparing"
    expected, actual = canonical(dtl["html"]), canonical(jinja2["html"])
    if expected != actual:
        diff = short_diff(expected, actual)
        pytest.fail(f"{dtl['path']}: the Jinja2 port differs\n{diff}", pytrace=False)
