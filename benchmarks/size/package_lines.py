"""Lines of Python in installed packages (footprint), counted with the standard library only."""

# footprint_probe.py runs this inside each twin's own interpreter, where pygount is not installed,
# over tens of thousands of files: code lines are those holding a token other than a comment,
# less docstrings. The twins' own lines (make loc) are counted by pygount instead (sloc.py).

import ast
import io
import tokenize

NOT_CODE = {
    tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
    tokenize.ENCODING, tokenize.ENDMARKER,
}  # fmt: skip
DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def docstring_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, DOCUMENTED) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def python_code_lines(text: str) -> set[int]:
    """Numbers of the lines that hold code: not blank, not only a comment, not a docstring."""
    lines: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type not in NOT_CODE:
                lines.update(range(token.start[0], token.end[0] + 1))
        return lines - docstring_lines(ast.parse(text))
    except (SyntaxError, tokenize.TokenError, ValueError):
        return {
            number
            for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#")
        }


def python_lines(text: str) -> int:
    return len(python_code_lines(text))
