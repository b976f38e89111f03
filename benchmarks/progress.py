"""Progress of the load runs on stderr (tqdm): the current run, how many are done, time left."""

# On a terminal it is one tqdm bar, redrawn in place. Elsewhere (a CI log, a file) no carriage
# returns are written: one plain line per run as it starts, and one at the end.

import sys
import time
from collections.abc import Callable

from tqdm import tqdm

BAR_FORMAT = "{bar:30} {n_fmt}/{total_fmt} {desc} · elapsed {spent} · left ~{left}"


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class RunBar(tqdm):
    """A tqdm bar whose format also knows `spent` and `left` (m:ss, see Progress.seconds_left)."""

    def __init__(self, *args, seconds_left: Callable[[], float], **kwargs) -> None:
        self.seconds_left = seconds_left
        super().__init__(*args, **kwargs)

    @property
    def format_dict(self) -> dict:
        data = super().format_dict
        return {**data, "spent": clock(data["elapsed"]), "left": clock(self.seconds_left())}


class Progress:
    """Time left = runs left times the mean run time so far (the planned time before the first)."""

    def __init__(self, total: int, planned_run_s: float, stream=sys.stderr) -> None:
        self.total, self.done, self.planned_run_s = total, 0, planned_run_s
        self.started = time.monotonic()
        self.stream = stream
        self.interactive = stream.isatty()
        self.bar = None
        if self.interactive:
            self.bar = RunBar(
                total=total, file=stream, bar_format=BAR_FORMAT, dynamic_ncols=True,
                mininterval=0, seconds_left=self.seconds_left,
            )  # fmt: skip

    def seconds_left(self) -> float:
        elapsed = time.monotonic() - self.started
        per_run = elapsed / self.done if self.done else self.planned_run_s
        return (self.total - self.done) * per_run

    def line(self, label: str) -> str:
        elapsed = time.monotonic() - self.started
        return (
            f"{self.done}/{self.total} {label}"
            f" · elapsed {clock(elapsed)} · left ~{clock(self.seconds_left())}"
        )

    def show(self, label: str) -> None:
        if self.bar is not None:
            self.bar.set_description_str(label)
        else:
            print(self.line(label), file=self.stream, flush=True)

    def advance(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)

    def finish(self) -> None:
        self.show("done")
        if self.bar is not None:
            self.bar.close()
