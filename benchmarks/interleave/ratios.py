"""Median of per-pair ratios and its bootstrap confidence interval (seeded, so repeatable)."""

import random
from statistics import median

BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20240601


def bootstrap_median_interval(
    values: list[float],
    level: float = 0.95,
    resamples: int = BOOTSTRAP_RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float] | None:
    """Percentile interval of the median over resamples drawn with replacement; None if empty."""
    if not values:
        return None
    rng = random.Random(seed)
    count = len(values)
    medians = sorted(median(rng.choices(values, k=count)) for _ in range(resamples))
    tail = (1 - level) / 2
    low = medians[int(tail * resamples)]
    high = medians[min(resamples - 1, int((1 - tail) * resamples))]
    return low, high


def median_or_none(values: list[float]) -> float | None:
    return median(values) if values else None
