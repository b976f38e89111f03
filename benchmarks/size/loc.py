"""Line counts (`make loc`): each twin by layer and by feature, hello-worlds, scaffolding output."""

# Lines are pygount's source lines: no blanks, comments or docstrings (see sloc.py). A symbol's
# lines are its source range, decorators included, counted by pygount alone. Migrations and tests
# are listed apart and left out of each twin's total.

import ast
import json
import subprocess
import sys
from pathlib import Path

import yaml

from benchmarks.size.sloc import file_lines, range_lines
from launcher import ROOT

WINGS = {"django": ROOT / "django_impl", "flask": ROOT / "flask_impl"}
FEATURES = ROOT / "shared_spec" / "features.yaml"
HELLO = Path(__file__).resolve().parent.parent / "apps" / "hello"
APART = ("migrations", "tests")
BY_NAME = {
    "models.py": "models", "views.py": "views", "urls.py": "views", "forms.py": "forms",
    "admin.py": "admin", "services.py": "services", "settings.py": "configuration",
    "rules.py": "services", "queries.py": "services", "writes.py": "services",
    "rendering.py": "services",
    "api/users.py": "views", "api/articles.py": "views",
    "wsgi.py": "configuration", "asgi.py": "configuration", "manage.py": "configuration",
    "apps.py": "configuration", "config.py": "configuration", "extensions.py": "configuration",
    "__init__.py": "configuration",
}  # fmt: skip


def layer_of(relative: Path) -> str:
    """The layer a twin's file belongs to, from its path (the same rules on both sides)."""
    if "migrations" in relative.parts:
        return "migrations"
    if (
        "tests" in relative.parts
        or relative.name.startswith("test_")
        or relative.name == "conftest.py"
    ):
        return "tests"
    if relative.suffix == ".html":
        return "templates"
    if relative.parts[0] == "config":
        return "configuration"
    return BY_NAME.get(relative.as_posix(), BY_NAME.get(relative.name, "other"))


def source_files(wing: Path) -> list[Path]:
    return sorted(
        path
        for path in wing.rglob("*")
        if path.suffix in {".py", ".html"}
        and not {"staticfiles", "__pycache__"} & set(path.relative_to(wing).parts)
    )


def by_layer(wing: Path) -> dict:
    layers: dict[str, dict] = {}
    for path in source_files(wing):
        relative = path.relative_to(wing)
        entry = layers.setdefault(layer_of(relative), {"lines": 0, "files": {}})
        lines = file_lines(path.name, path.read_text(errors="replace"))
        entry["lines"] += lines
        entry["files"][str(relative)] = lines
    total = sum(entry["lines"] for name, entry in layers.items() if name not in APART)
    return {"layers": layers, "total": total}


def defined_names(body: list[ast.stmt]) -> dict[str, ast.stmt]:
    """Functions, classes and assigned names of a module or class body."""
    names: dict[str, ast.stmt] = {}
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update({target.id: node for target in targets if isinstance(target, ast.Name)})
    return names


def symbol_lines(path: Path, symbol: str) -> int:
    """Code lines of `Name` or `Class.method` in a Python file, decorators included."""
    text = path.read_text()
    node: ast.AST = ast.parse(text)
    for part in symbol.split("."):
        node = defined_names(getattr(node, "body", [])).get(part)
        if node is None:
            return 0
    decorators = [item.lineno for item in getattr(node, "decorator_list", [])]
    first = min([node.lineno, *decorators])
    return range_lines(path.name, text, first, node.end_lineno)


def reference_lines(reference: str) -> int:
    path_text, _, symbol = reference.partition("::")
    path = ROOT / path_text
    if not path.is_file():
        return 0
    if symbol:
        return symbol_lines(path, symbol)
    return file_lines(path.name, path.read_text(errors="replace"))


def by_feature() -> dict:
    """Lines per feature in shared_spec/features.yaml (a file two features name counts twice)."""
    if not FEATURES.exists():
        return {"unavailable": "shared_spec/features.yaml does not exist yet"}
    features = yaml.safe_load(FEATURES.read_text()) or {}
    if not features:
        return {"unavailable": "shared_spec/features.yaml lists no features yet"}
    return {
        feature: {side: sum(reference_lines(ref) for ref in entry.get(side, [])) for side in WINGS}
        for feature, entry in features.items()
    }


ANSWER = (
    "import importlib, sys, wsgiref.util\n"
    "environ = {}\n"
    "wsgiref.util.setup_testing_defaults(environ)\n"
    "app = importlib.import_module(sys.argv[1]).app\n"
    "body = b''.join(app(environ, lambda status, headers: print(status)))\n"
    "print(body.decode())\n"
)


def answers(name: str) -> str:
    """What the hello-world answers to one GET /, run with its framework's twin environment."""
    python = ROOT / ".venv" / name / "bin" / "python"
    command = [str(python), "-c", ANSWER, f"hello_{name}"]
    result = subprocess.run(command, cwd=HELLO, capture_output=True, text=True)
    return " ".join(result.stdout.split()) or result.stderr.strip()[-200:]


def hello_worlds() -> dict:
    return {
        name: {
            "file": f"benchmarks/apps/hello/hello_{name}.py",
            "lines": file_lines("hello.py", (HELLO / f"hello_{name}.py").read_text()),
            "answer": answers(name),
        }
        for name in WINGS
    }


def line_counts() -> dict:
    from benchmarks.size.scaffolding import scaffolding

    wings = {name: by_layer(path) for name, path in WINGS.items() if path.exists()}
    return {
        "twins": wings,
        "features": by_feature(),
        "hello_world": hello_worlds(),
        "scaffolding": scaffolding(),
    }


def main() -> None:
    from benchmarks.report.report_tables import loc_tables

    counts = line_counts()
    print("\n".join(loc_tables(counts)))
    if "--json" in sys.argv:
        print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
