"""The twin map (shared_spec/features.yaml) points at code that exists, on both sides, and maps
every top-level symbol and template of both twins to a feature.

The suite imports neither twin, so references are resolved by parsing the source with `ast`.
"""

import ast
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from launcher import ROOT

FEATURES = yaml.safe_load((ROOT / "shared_spec" / "features.yaml").read_text()) or {}
PAGES_MD = (ROOT / "shared_spec" / "pages.md").read_text()
WINGS = {"django": "django_impl/", "flask": "flask_impl/"}


@cache
def module_tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def defined_names(body: list[ast.stmt]) -> dict[str, ast.AST]:
    """Names a module or class body defines: functions, classes and assigned names."""
    names: dict[str, ast.AST] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
    return names


def resolves(reference: str) -> bool:
    """`path` exists, and `path::Name.attribute` names something defined in that file."""
    path_text, _, symbol = reference.partition("::")
    path = ROOT / path_text
    if not path.is_file():
        return False
    if not symbol:
        return True
    body = module_tree(path).body
    for part in symbol.split("."):
        node = defined_names(body).get(part)
        if node is None:
            return False
        body = getattr(node, "body", [])
    return True


def references(side: str) -> list[tuple[str, str]]:
    return [(feature, ref) for feature, entry in FEATURES.items() for ref in entry[side]]


def test_every_feature_names_code_on_both_sides():
    assert FEATURES, "shared_spec/features.yaml maps no feature"
    for feature, entry in FEATURES.items():
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", feature), feature
        assert entry.get("summary"), feature
        assert entry.get("django"), feature
        assert entry.get("flask"), feature


@pytest.mark.parametrize("side", sorted(WINGS))
def test_every_reference_resolves_in_its_own_wing(side):
    unresolved = [
        (feature, ref)
        for feature, ref in references(side)
        if not ref.startswith(WINGS[side]) or not resolves(ref)
    ]
    assert unresolved == []


def django_view_reference(app: str, url_name: str) -> str:
    """The map reference of the view bound to a URL name in `django_impl/<app>/urls.py`.

    `views.name` or `views.Name.as_view()` is `<app>/views.py::<name>`; a view from Django itself
    (`auth_views.LogoutView.as_view()`) is the app's `urls.py::urlpatterns`.
    """
    urls = ROOT / "django_impl" / app / "urls.py"
    for node in ast.walk(module_tree(urls)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "path"):
            continue
        if not any(k.arg == "name" and k.value.value == url_name for k in node.keywords):
            continue
        view = node.args[1]
        if isinstance(view, ast.Call):  # Name.as_view()
            view = view.func.value
        if isinstance(view.value, ast.Name) and view.value.id == "views":
            return f"django_impl/{app}/views.py::{view.attr}"
        return f"django_impl/{app}/urls.py::urlpatterns"
    raise AssertionError(f"no URL named {url_name} in {urls}")


def test_every_page_view_is_mapped_on_both_sides():
    """Each route in pages.md is in the map on both sides: the Django view its URL name is bound
    to in the app's urls.py, and `flask_impl/<blueprint>/views.py::<endpoint>`."""
    routes = re.findall(r"\| `(\w+):(\w+)` \| `(\w+)\.(\w+)` \|", PAGES_MD)
    assert routes
    mapped = {ref for side in WINGS for _, ref in references(side)}
    for django_app, django_view, flask_blueprint, flask_view in routes:
        assert django_view_reference(django_app, django_view) in mapped, django_view
        assert f"flask_impl/{flask_blueprint}/views.py::{flask_view}" in mapped


def test_template_references_are_mirrored():
    """A template named on one side is named, at the same relative path, on the other."""
    for feature, entry in FEATURES.items():
        templates = {
            side: {ref.split("/templates/", 1)[1] for ref in entry[side] if "/templates/" in ref}
            for side in WINGS
        }
        assert templates["django"] == templates["flask"], feature


SKIPPED_PARTS = {"tests", "migrations", "__pycache__"}


def twin_files(side: str, pattern: str) -> list[Path]:
    """The twin's own files matching pattern, outside its tests and migrations."""
    wing = ROOT / WINGS[side]
    return sorted(
        path
        for path in wing.rglob(pattern)
        if not SKIPPED_PARTS & set(path.relative_to(wing).parts) and path.name != "conftest.py"
    )


def twin_symbols(side: str) -> list[str]:
    """Every top-level symbol of a twin: each module's public functions, classes and assigned
    names, and each template, as references of the map's form."""
    symbols = []
    for path in twin_files(side, "*.py"):
        relative = path.relative_to(ROOT).as_posix()
        names = [name for name in defined_names(module_tree(path).body) if not name.startswith("_")]
        symbols += [f"{relative}::{name}" for name in names] or [relative]
    symbols += [path.relative_to(ROOT).as_posix() for path in twin_files(side, "*.html")]
    return symbols


def is_mapped(symbol: str, mapped: set[str]) -> bool:
    """Named itself, by its whole file, or through one of its members (`Class.method`)."""
    path = symbol.partition("::")[0]
    return symbol in mapped or path in mapped or any(ref.startswith(f"{symbol}.") for ref in mapped)


@pytest.mark.parametrize("side", sorted(WINGS))
def test_every_top_level_symbol_is_mapped_to_a_feature(side):
    symbols = twin_symbols(side)
    mapped = {ref for _, ref in references(side)}
    assert len(symbols) > 50, "the twin's symbols were not found"
    assert [symbol for symbol in symbols if not is_mapped(symbol, mapped)] == []
