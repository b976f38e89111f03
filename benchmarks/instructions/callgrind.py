"""Reads callgrind.out files: the dump's total and each function's self cost, by object file."""

# The format (valgrind's docs, "Callgrind Format Specification"): `ob=`, `fl=`, `fn=` set the
# current object, file and function, each optionally compressed as "(id) name" the first time and
# "(id)" after; `fi=`/`fe=` switch the file of inlined code (the function stays); a cost line is
# position columns (as many as `positions:` names) followed by event counts. After `calls=` the
# next cost line is the inclusive cost of that call, charged to the caller's call site, so it is
# not the caller's self cost; `cob=`/`cfi=`/`cfl=`/`cfn=` only name the callee.
# `summary:` (header) and `totals:` (end) both give the dump's total.

import gzip
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

NAMED = ("ob=", "fl=", "fi=", "fe=", "fn=", "cob=", "cfi=", "cfl=", "cfn=")


@dataclass
class CallgrindDump:
    """One dump: its first event's total and the self cost of every (object, function)."""

    total: int
    events: list[str]
    self_cost: dict[tuple[str, str], int] = field(default_factory=dict)

    def by_object(self) -> dict[str, int]:
        folded: dict[str, int] = defaultdict(int)
        for (obj, _), cost in self.self_cost.items():
            folded[obj] += cost
        return dict(folded)


class Names:
    """Name compression: "(id) name" defines id, "(id)" refers to it, "name" stands alone."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], str] = {}

    def resolve(self, space: str, text: str) -> str:
        text = text.strip()
        if not text.startswith("("):
            return text
        closing = text.index(")")
        key, rest = (space, text[1:closing]), text[closing + 1 :].strip()
        if rest:
            self.known[key] = rest
            return rest
        return self.known[key]


def space_of(keyword: str) -> str:
    """Which name table a keyword uses: objects, files or functions (callgrind shares them)."""
    if keyword in ("ob", "cob"):
        return "ob"
    if keyword in ("fn", "cfn"):
        return "fn"
    return "fl"


def parse_lines(lines) -> CallgrindDump:
    names = Names()
    positions, events = 1, ["Ir"]
    obj = function = "???"
    total: int | None = None
    summary: int | None = None
    skip_next_cost = False
    costs: dict[tuple[str, str], int] = defaultdict(int)
    for raw in lines:
        line = raw.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        head = line[0]
        if head.isdigit() or head in "+-*":
            if skip_next_cost:
                skip_next_cost = False
                continue
            columns = line.split()
            if len(columns) > positions:
                costs[(obj, function)] += int(columns[positions])
            continue
        keyword, _, value = line.partition("=")
        if line.startswith(NAMED):
            name = names.resolve(space_of(keyword), value)
            if keyword == "ob":
                obj = name
            elif keyword == "fn":
                function = name
            continue
        if line.startswith("calls="):
            skip_next_cost = True
        elif line.startswith("positions:"):
            positions = len(line.split(":", 1)[1].split())
        elif line.startswith("events:"):
            events = line.split(":", 1)[1].split()
        elif line.startswith("summary:"):
            summary = int(line.split(":", 1)[1].split()[0])
        elif line.startswith("totals:"):
            total = int(line.split(":", 1)[1].split()[0])
    found = total if total is not None else summary
    if found is None:
        raise ValueError("no summary: or totals: line")
    return CallgrindDump(found, events, dict(costs))


def open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def read_dump(path: Path) -> CallgrindDump:
    with open_text(path) as handle:
        return parse_lines(handle)


def read_total(path: Path) -> int:
    """The dump's total from its header's summary: line, without reading the costs."""
    with open_text(path) as handle:
        for line in handle:
            if line.startswith(("summary:", "totals:")):
                return int(line.split(":", 1)[1].split()[0])
            if line.startswith(("fn=", "ob=")):
                break
    return read_dump(path).total
