"""Per-window figures of an interleaved run, from the snapshots taken at every window boundary."""

# A target's window i is accounted from the start of window i to the start of its next window
# (i + k): in between only other targets get new traffic, so the work that spills past the end of
# window i (requests in flight when the load moved on) is its own, and is counted with its CPU.

import math
from dataclasses import dataclass
from statistics import median

from benchmarks.interleave.schedule import Schedule

GENERATOR_BOUND_SHARE = 0.85  # as benchmarks/report/analysis.py: above it, the generator limits


@dataclass(frozen=True)
class Boundary:
    """Everything read at the start of one window, cumulative since the load started."""

    window: int
    monotonic: float
    cpu_ns: tuple[int | None, ...]  # per target: its workers' run time (None: a worker is gone)
    requests: tuple[int, ...]  # per target: requests completed (failed ones included)
    failures: tuple[int, ...]
    generator_cpu_ns: int | None
    core_busy_ticks: int | None = None  # the server CPU's busy time, every process on it


@dataclass(frozen=True)
class WindowFigures:
    """One measured window: its target's CPU and requests from its start to its next window's."""

    window: int
    cycle: int
    target: int
    duration_s: float
    cpu_ms: float | None
    requests: int
    failures: int
    generator_share: float | None
    generator_bound: bool
    # Share of the accounting interval the server CPU spent on work other than the targets'
    # workers (other processes, interrupts): a busy neighbour makes CPU per request drift.
    foreign_share: float | None = None

    @property
    def cpu_ms_per_request(self) -> float | None:
        if self.cpu_ms is None or not self.requests:
            return None
        return self.cpu_ms / self.requests


def foreign_share(start: Boundary, end: Boundary, ticks_per_second: int) -> float | None:
    """Share of [start, end] the server CPU was busy with anything but the targets' workers."""
    if start.core_busy_ticks is None or end.core_busy_ticks is None:
        return None
    if None in start.cpu_ns or None in end.cpu_ns or end.monotonic <= start.monotonic:
        return None
    busy_s = (end.core_busy_ticks - start.core_busy_ticks) / ticks_per_second
    workers_s = sum(end.cpu_ns) / 1e9 - sum(start.cpu_ns) / 1e9
    return max(0.0, busy_s - workers_s) / (end.monotonic - start.monotonic)


def window_figures(
    schedule: Schedule, boundaries: list[Boundary], generator_cpus: int, ticks_per_second=100
) -> list[WindowFigures]:
    """Figures of every measured window; boundaries must cover schedule.boundaries."""
    at = {boundary.window: boundary for boundary in boundaries}
    missing = [window for window in schedule.boundaries if window not in at]
    if missing:
        raise ValueError(f"no snapshot at the start of window(s) {missing}")
    figures = []
    for window in schedule.measured:
        target = schedule.target_of(window)
        start, following, own_next = at[window], at[window + 1], at[window + schedule.targets]
        cpu_start, cpu_end = start.cpu_ns[target], own_next.cpu_ns[target]
        cpu_ms = None if cpu_start is None or cpu_end is None else (cpu_end - cpu_start) / 1e6
        duration = following.monotonic - start.monotonic
        share = None
        if start.generator_cpu_ns is not None and following.generator_cpu_ns is not None:
            generator_s = (following.generator_cpu_ns - start.generator_cpu_ns) / 1e9
            share = generator_s / (duration * generator_cpus) if duration > 0 else None
        figures.append(
            WindowFigures(
                window=window,
                cycle=schedule.cycle_of(window),
                target=target,
                duration_s=duration,
                cpu_ms=cpu_ms,
                requests=own_next.requests[target] - start.requests[target],
                failures=own_next.failures[target] - start.failures[target],
                generator_share=share,
                generator_bound=share is not None and share > GENERATOR_BOUND_SHARE,
                foreign_share=foreign_share(start, own_next, ticks_per_second),
            )
        )
    return figures


def pair_ratios(
    windows: list[WindowFigures],
    target: int,
    baseline: int,
    cycles_per_pair: int = 1,
    max_foreign_share: float | None = None,
) -> list[float]:
    """Per pair of adjacent windows: target's CPU per request over baseline's.

    A pair is one cycle, or cycles_per_pair adjacent cycles pooled (CPU over requests on each
    side), so that each side holds enough requests for its mix of pages to be comparable; a last,
    shorter block is left out. A pair where either side lacks a figure (no request, or a worker
    gone) gives no ratio; with max_foreign_share, neither does one whose server CPU was busier
    than that with other work in any of its windows (or was not measured).
    """
    sides: dict[int, dict[int, list]] = {}  # pair -> target -> [cpu_ms, requests, cycles]
    for figures in windows:
        if figures.target not in (target, baseline):
            continue
        side = sides.setdefault(figures.cycle // cycles_per_pair, {}).setdefault(
            figures.target, [0.0, 0, 0]
        )
        crowded = max_foreign_share is not None and (
            figures.foreign_share is None or figures.foreign_share > max_foreign_share
        )
        lost = side[0] is None or figures.cpu_ms is None or crowded
        side[0] = None if lost else side[0] + figures.cpu_ms
        side[1] += figures.requests
        side[2] += 1
    ratios = []
    for pair in sorted(sides):
        top, bottom = sides[pair].get(target), sides[pair].get(baseline)
        if top is None or bottom is None or min(top[2], bottom[2]) < cycles_per_pair:
            continue
        if top[0] is not None and bottom[0] and top[1] and bottom[1]:
            ratios.append((top[0] / top[1]) / (bottom[0] / bottom[1]))
    return ratios


def cycles_per_pair_for(windows: list[WindowFigures], min_requests: int) -> int:
    """Fewest adjacent cycles in which every target's median window count adds to min_requests."""
    counts: dict[int, list[int]] = {}
    for figures in windows:
        counts.setdefault(figures.target, []).append(figures.requests)
    if not counts:
        return 1
    fewest = min(median(values) for values in counts.values())
    return max(1, math.ceil(min_requests / fewest)) if fewest > 0 else 1


def pooled_cpu_ms_per_request(windows: list[WindowFigures], target: int) -> float | None:
    """Total CPU over total requests of one target's measured windows (None if any CPU is lost)."""
    own = [figures for figures in windows if figures.target == target]
    if not own or any(figures.cpu_ms is None for figures in own):
        return None
    requests = sum(figures.requests for figures in own)
    return sum(figures.cpu_ms for figures in own) / requests if requests else None
