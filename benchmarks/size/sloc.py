"""Source lines of code counted by pygount: Python, Django and Jinja2 templates, CSS, YAML."""

# pygount lexes a text with a pygments lexer and sorts each line into code, string, documentation
# (comments) or empty. A source line here is what pygount calls one (`source_count`, the figure its
# sloccount and cloc-xml outputs give): a line holding code or a string literal, so the entries of
# a list such as MIDDLEWARE count. What pygount leaves out:
# - blank lines and comments (a line holding code and a comment is code);
# - Python docstrings: a string right after a colon, or at the start of a text, is documentation;
# - lines holding only brackets and punctuation `(),:;[]{}`, and in Python a line holding only
#   `pass`;
# - in templates (lexer HTML+Django/Jinja, for Django's and Jinja2's alike) `{# #}`, `<!-- -->`
#   and the lines inside `{% comment %}`; the `{% comment %}` tags themselves are code.
# No text is left out as generated. Texts are read as UTF-8 here and handed to pygount open,
# which keeps its encoding guess (wrong for some UTF-8 files) out of the counts.

import io
import os

import pygments.lexers
import pygount.analysis
from pygount import SourceAnalysis

# The lexer for each kind of file. pygount would guess one from the name and the text, and its
# guess can be wrong (pygments rates any real CSS as CSS+Lasso), so the choice is handed to it.
LEXERS = {
    ".py": "python",
    ".html": "html+django",
    ".css": "css",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def analysis(name: str, text: str) -> SourceAnalysis:
    """pygount's analysis of a text, lexed with the lexer its file name's suffix calls for."""
    alias = LEXERS.get(os.path.splitext(name)[1].lower())
    if alias is None:
        raise ValueError(f"no lexer chosen for {name}")
    lexer = pygments.lexers.get_lexer_by_name(alias)
    guess = pygount.analysis.guess_lexer
    pygount.analysis.guess_lexer = lambda _path, _text: lexer
    try:
        result = SourceAnalysis.from_file(
            os.path.basename(name), "twins", file_handle=io.StringIO(text), generated_regexes=[]
        )
    finally:
        pygount.analysis.guess_lexer = guess
    if result.language != lexer.name:
        raise ValueError(f"{name} was lexed as {result.language}, not {lexer.name}")
    return result


def file_lines(name: str, text: str) -> int:
    """Source lines of a file's text (code or string literals; no comments, docstrings, blanks)."""
    return analysis(name, text).source_count


def range_lines(name: str, text: str, first: int, last: int) -> int:
    """Source lines among lines first..last (1-based, inclusive) of a file's text."""
    lines = text.splitlines(keepends=True)[first - 1 : last]
    return file_lines(name, "".join(lines))


def python_lines(text: str) -> int:
    return file_lines("source.py", text)


def template_lines(text: str) -> int:
    return file_lines("template.html", text)
