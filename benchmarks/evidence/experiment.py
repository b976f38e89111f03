"""What every experiment of the evidence report is: a module that measures and returns figures.

An experiment is a module in `benchmarks/evidence/experiments/` with:

- `NAME`: its name, the prefix of its figures in `shared_spec/claims.yaml` (`NAME.figure`);
- `TITLE`: one line saying what it does;
- `FIGURES`: every figure it produces, name -> what the figure is (with its unit);
- `ESTIMATE_S`: (seconds with `--quick`, seconds in full) on the reference 2-core machine;
- `run(context) -> Outcome`.

A figure is a JSON value: a number, a string, a bool, null (looked for, not there: a header a
framework does not send), a list, or an interval `{"value": x, "low": a, "high": b}`. A figure
the experiment could not measure is left out of `Outcome.figures` (with the reason in `notes`),
never guessed: the claims that need it then have no evidence yet.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Context:
    """Where an experiment works and writes, and how thoroughly."""

    work: Path  # its own scratch directory, emptied before it runs
    out: Path  # the run's results directory (the experiment's JSON is written there for it)
    quick: bool  # fewer repeats, smaller data: figures marked provisional
    say: Callable[[str], None] = print  # progress lines


@dataclass
class Outcome:
    """What one experiment measured, with the versions it measured."""

    figures: dict[str, Any]
    versions: dict[str, str]  # distribution or tool -> version, for every one the figures depend on
    notes: list[str] = field(default_factory=list)  # caveats, figures left out and why
    plots: dict[str, str] = field(default_factory=dict)  # figure name -> an SVG document


def interval(value: float, low: float, high: float) -> dict[str, float]:
    """A figure with its 95% interval."""
    return {"value": value, "low": low, "high": high}
