"""Which target each window of an interleaved run goes to, and which windows are measured."""

import math
from dataclasses import dataclass

MAX_WINDOW_S = 1.0


@dataclass(frozen=True)
class Schedule:
    """Back-to-back windows from the start of the load; window i goes to target i mod targets.

    The warm-up windows come first, then the measured ones, both whole cycles (one window per
    target). A target's measured window ends where its next window starts, so the k - 1 windows
    after the last measured one run only to close the last cycle; the load stops at their end.
    """

    targets: int
    window_s: float
    warmup_windows: int
    measured_windows: int

    def target_of(self, window: int) -> int:
        return window % self.targets

    def start_of(self, window: int) -> float:
        """Seconds from the start of the load to the start of this window."""
        return window * self.window_s

    def cycle_of(self, window: int) -> int:
        """Measured cycle number (0 for the first measured cycle) of a measured window."""
        return (window - self.warmup_windows) // self.targets

    def opens_cycle(self, window: int) -> bool:
        """Whether a measured cycle starts with this window (its first target's window).

        Every user's request sequence starts over there, from a seed new to the cycle: each
        target's window in the cycle draws the same pages in the same order, so the two sides of
        a pair compare the same mix of pages.
        """
        return window in self.measured and (window - self.warmup_windows) % self.targets == 0

    @property
    def measured(self) -> range:
        return range(self.warmup_windows, self.warmup_windows + self.measured_windows)

    @property
    def boundaries(self) -> range:
        """Windows at whose start everything is snapshotted; the last one is the end of the load."""
        first = self.warmup_windows
        return range(first, first + self.measured_windows + self.targets)

    @property
    def cycles(self) -> int:
        return self.measured_windows // self.targets

    @property
    def total_s(self) -> float:
        return self.start_of(self.boundaries[-1])


def make_schedule(targets: int, window_s: float, warmup_s: float, measured_s: float) -> Schedule:
    """Windows of window_s (at most MAX_WINDOW_S); warm-up and measured time in whole cycles."""
    if targets < 2:
        raise ValueError("interleaving needs at least two targets")
    if not 0 < window_s <= MAX_WINDOW_S:
        raise ValueError(f"a window lasts more than 0 and at most {MAX_WINDOW_S} s, not {window_s}")
    cycle_s = targets * window_s
    warmup_cycles = max(1, math.ceil(warmup_s / cycle_s - 1e-9))
    measured_cycles = max(1, round(measured_s / cycle_s))
    return Schedule(targets, window_s, warmup_cycles * targets, measured_cycles * targets)
