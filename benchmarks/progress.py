"""A progress bar on stderr: which run is going, how many are done, and how long is left."""

import sys
import time


def clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """Time left = runs left times the mean run time so far (the planned time before the first)."""

    def __init__(self, total: int, planned_run_s: float, stream=sys.stderr) -> None:
        self.total, self.done, self.planned_run_s = total, 0, planned_run_s
        self.started = time.monotonic()
        self.stream = stream
        self.interactive = stream.isatty()

    def seconds_left(self) -> float:
        elapsed = time.monotonic() - self.started
        per_run = elapsed / self.done if self.done else self.planned_run_s
        return (self.total - self.done) * per_run

    def line(self, label: str) -> str:
        width = 30
        filled = width * self.done // max(self.total, 1)
        elapsed = time.monotonic() - self.started
        return (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label}"
            f" · elapsed {clock(elapsed)} · left ~{clock(self.seconds_left())}"
        )

    def show(self, label: str) -> None:
        end = "" if self.interactive else "\n"
        prefix = "\r\033[K" if self.interactive else ""
        print(prefix + self.line(label), end=end, file=self.stream, flush=True)

    def advance(self) -> None:
        self.done += 1

    def finish(self) -> None:
        self.show("done")
        if self.interactive:
            print(file=self.stream)
