"""Per-window figures of an interleaved run, from the snapshots taken at every window boundary."""

# A target's window i is accounted from the start of window i to the start of its next window
# (i + k): in between only other targets get new traffic, so the work that spills past the end of
# window i (requests in flight when the load moved on) is its own, and is counted with its CPU.

from dataclasses import dataclass

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

    @property
    def cpu_ms_per_request(self) -> float | None:
        if self.cpu_ms is None or not self.requests:
            return None
        return self.cpu_ms / self.requests


def window_figures(
    schedule: Schedule, boundaries: list[Boundary], generator_cpus: int
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
            )
        )
    return figures


def pair_ratios(windows: list[WindowFigures], target: int, baseline: int) -> list[float]:
    """Per cycle: target's CPU per request over baseline's, from the two windows of that cycle.

    A cycle where either window has no figure (no request, or a worker gone) gives no pair.
    """
    by_cycle: dict[int, dict[int, float | None]] = {}
    for figures in windows:
        by_cycle.setdefault(figures.cycle, {})[figures.target] = figures.cpu_ms_per_request
    ratios = []
    for cycle in sorted(by_cycle):
        top, bottom = by_cycle[cycle].get(target), by_cycle[cycle].get(baseline)
        if top is not None and bottom:
            ratios.append(top / bottom)
    return ratios


def pooled_cpu_ms_per_request(windows: list[WindowFigures], target: int) -> float | None:
    """Total CPU over total requests of one target's measured windows (None if any CPU is lost)."""
    own = [figures for figures in windows if figures.target == target]
    if not own or any(figures.cpu_ms is None for figures in own):
        return None
    requests = sum(figures.requests for figures in own)
    return sum(figures.cpu_ms for figures in own) / requests if requests else None
