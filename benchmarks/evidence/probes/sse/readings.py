"""The sse experiment's arithmetic: one step's reading, percentiles, the RSS slope, the held max."""

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class StepReading:
    """One step: `target` streams opened at once, and what was read while they were open."""

    target: int
    held: int  # streams whose ready event came within the ready timeout
    open_s: float  # from opening the first stream to the last one ready (or failed)
    rss_kib: int  # the server's RSS, all its processes, once every stream was ready or failed
    server_threads: int  # the server's threads, all its processes, read with its RSS
    tags_ok: int
    tags_failed: int  # failed, or not started before the streams' end drew near
    tags_p50_ms: float | None
    tags_p95_ms: float | None


def percentile(values: list[float], q: int) -> float | None:
    """The q-th percentile (1 to 99), interpolated between the closest ranks; None if empty."""
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def rss_slope_kib(steps: list[StepReading]) -> float | None:
    """KiB of server RSS per held stream: the least-squares slope of RSS over streams held
    across the steps; None without two different counts held."""
    if len({step.held for step in steps}) < 2:
        return None
    held = [step.held for step in steps]
    return statistics.linear_regression(held, [step.rss_kib for step in steps]).slope


def largest_fully_held(steps: list[StepReading]) -> StepReading | None:
    """The step with the most streams in which every stream opened was held."""
    full = [step for step in steps if step.target > 0 and step.held == step.target]
    return max(full, key=lambda step: step.target, default=None)
