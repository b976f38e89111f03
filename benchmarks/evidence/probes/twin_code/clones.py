"""A token-window clone detector: the lines of a set of Python files that repeat elsewhere in it.

Each file becomes a stream of its tokens, exactly as written, without comments, line breaks,
indentation tokens, docstrings (a statement that is only a string) and import statements. Every
run of WINDOW consecutive tokens of a stream is a window; a window whose tokens occur at least
twice in the set, at places that do not overlap, is duplicated, and so is every line holding one
of its tokens. The same thresholds apply to every set of files measured.
"""

import io
import tokenize
from collections import defaultdict
from pathlib import Path

WINDOW = 50  # tokens; about five lines of ordinary Python
LAYOUT = {tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING,
          tokenize.ENDMARKER}  # fmt: skip


def statements(text: str) -> list[list[tokenize.TokenInfo]]:
    """The file's logical lines, each as its significant tokens (NEWLINE ends one)."""
    found, current = [], []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in LAYOUT:
            continue
        if token.type == tokenize.NEWLINE:
            found.append(current)
            current = []
        else:
            current.append(token)
    if current:
        found.append(current)
    return found


def is_left_out(statement: list[tokenize.TokenInfo]) -> bool:
    """An import, or a statement made of string literals alone (a docstring)."""
    if statement[0].type == tokenize.NAME and statement[0].string in {"import", "from"}:
        return True
    return all(token.type == tokenize.STRING for token in statement)


def token_stream(text: str) -> list[tuple[str, int]]:
    """The (token text, line number) pairs a file contributes to the detector."""
    return [
        (token.string, token.start[0])
        for statement in statements(text)
        if statement and not is_left_out(statement)
        for token in statement
    ]


def duplicated_lines(streams: dict[str, list[tuple[str, int]]], window: int = WINDOW) -> set:
    """(file, line) of every line holding a token of a window that occurs twice, apart."""
    places = defaultdict(list)
    for name, stream in streams.items():
        texts = [text for text, _line in stream]
        for start in range(len(stream) - window + 1):
            places[tuple(texts[start : start + window])].append((name, start))
    duplicated = set()
    for occurrences in places.values():
        if not repeats_apart(occurrences, window):
            continue
        for name, start in occurrences:
            duplicated.update((name, line) for _text, line in streams[name][start : start + window])
    return duplicated


def repeats_apart(occurrences: list[tuple[str, int]], window: int) -> bool:
    """Whether two occurrences do not overlap (a run repeating within itself is no copy)."""
    first_name, first_start = occurrences[0]
    return any(
        name != first_name or abs(start - first_start) >= window for name, start in occurrences[1:]
    )


def measure(files: dict[str, Path], window: int = WINDOW) -> dict:
    """Lines holding tokens, and of those the duplicated ones, over a set of files."""
    streams = {name: token_stream(path.read_text()) for name, path in files.items()}
    code = {(name, line) for name, stream in streams.items() for _text, line in stream}
    duplicated = duplicated_lines(streams, window)
    by_file = defaultdict(int)
    for name, _line in duplicated:
        by_file[name] += 1
    return {"code_lines": len(code), "duplicate_lines": len(duplicated), "by_file": dict(by_file)}
