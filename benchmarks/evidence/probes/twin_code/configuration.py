"""Each twin's configuration read from its code by AST: the sources it reads, and its lines."""

import ast
from pathlib import Path

from benchmarks.size.sloc import range_lines

ENVIRONMENT = "environment variables"
SETTINGS_MODULE = "settings module (DJANGO_SETTINGS_MODULE)"
# Flask's Config loaders, by method name, and the kind of source each reads.
LOADERS = {
    "from_object": "object (from_object)",
    "from_prefixed_env": "prefixed environment variables (from_prefixed_env)",
    "from_file": "file (from_file)",
    "from_pyfile": "Python file (from_pyfile)",
    "from_envvar": "file named by an environment variable (from_envvar)",
    "from_mapping": "mapping (from_mapping)",
}
ENVIRON_METHODS = {"get", "setdefault", "pop", "__getitem__"}


def is_environ(node: ast.AST) -> bool:
    """`os.environ` or a bare `environ`."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ" and isinstance(node.value, ast.Name)
    return isinstance(node, ast.Name) and node.id == "environ"


def environment_read(node: ast.AST) -> tuple[str, ast.AST | None] | None:
    """(how, the name's expression) when node reads an environment variable."""
    if isinstance(node, ast.Subscript) and is_environ(node.value):
        return "get", node.slice
    if not isinstance(node, ast.Call):
        return None
    function = node.func
    first = node.args[0] if node.args else None
    if isinstance(function, ast.Attribute) and function.attr in ENVIRON_METHODS:
        return (function.attr, first) if is_environ(function.value) else None
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    return ("get", first) if name == "getenv" else None


def loader_kind(node: ast.AST) -> str | None:
    """The kind of source a `<something>.config.from_…()` call reads."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    receiver = node.func.value
    if isinstance(receiver, ast.Attribute) and receiver.attr == "config":
        return LOADERS.get(node.func.attr)
    return None


def literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def environment_helpers(tree: ast.AST) -> dict[str, int]:
    """Functions that read the environment variable their parameter names: name -> its index."""
    helpers = {}
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        parameters = [argument.arg for argument in function.args.args]
        for node in ast.walk(function):
            read = environment_read(node)
            if read and isinstance(read[1], ast.Name) and read[1].id in parameters:
                helpers[function.name] = parameters.index(read[1].id)
    return helpers


def sources(files: list[Path]) -> dict:
    """The kinds of configuration source the files read, and the environment variables named."""
    kinds, names = set(), set()
    for path in files:
        tree = ast.parse(path.read_text())
        helpers = environment_helpers(tree)
        for node in ast.walk(tree):
            kind = loader_kind(node)
            if kind:
                kinds.add(kind)
            read = environment_read(node)
            if read:
                how, expression = read
                kinds.add(ENVIRONMENT)
                names.add(literal(expression))
                if how == "setdefault" and literal(expression) == "DJANGO_SETTINGS_MODULE":
                    kinds.add(SETTINGS_MODULE)
            called = getattr(getattr(node, "func", None), "id", None)
            if isinstance(node, ast.Call) and called in helpers:
                index = helpers[called]
                names.add(literal(node.args[index]) if len(node.args) > index else None)
    names.discard(None)  # a name only known at run time
    return {"kinds": sorted(kinds), "environment_variables": sorted(names)}


def config_statement_lines(path: Path, function: str) -> int:
    """Source lines of the statements of `function` that touch `<something>.config`."""
    text = path.read_text()
    tree = ast.parse(text)
    body = next(
        node.body for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == function
    )  # fmt: skip
    touching = [
        statement for statement in body
        if any(isinstance(node, ast.Attribute) and node.attr == "config"
               for node in ast.walk(statement))
    ]  # fmt: skip
    return sum(
        range_lines(path.name, text, statement.lineno, statement.end_lineno)
        for statement in touching
    )
