"""Median of per-pair ratios and its seeded bootstrap interval."""

import random
from statistics import median

from benchmarks.interleave.ratios import bootstrap_median_interval, median_or_none


def noisy_ratios(count: int, seed: int = 7) -> list[float]:
    rng = random.Random(seed)
    return [rng.gauss(0.9, 0.05) for _ in range(count)]


def test_the_interval_is_the_same_for_the_same_seed_and_changes_with_another():
    values = noisy_ratios(40)
    assert bootstrap_median_interval(values, seed=1) == bootstrap_median_interval(values, seed=1)
    assert bootstrap_median_interval(values, seed=1) != bootstrap_median_interval(values, seed=2)


def test_the_interval_contains_the_median_and_lies_within_the_values():
    values = noisy_ratios(60)
    low, high = bootstrap_median_interval(values)
    assert min(values) <= low < median(values) < high <= max(values)


def test_the_interval_narrows_with_more_pairs():
    few_low, few_high = bootstrap_median_interval(noisy_ratios(15))
    many_low, many_high = bootstrap_median_interval(noisy_ratios(400))
    assert many_high - many_low < (few_high - few_low) / 2


def test_identical_ratios_give_a_zero_width_interval_and_no_ratios_give_none():
    assert bootstrap_median_interval([0.88] * 10) == (0.88, 0.88)
    assert bootstrap_median_interval([]) is None
    assert median_or_none([]) is None
    assert median_or_none([1.2, 0.8, 0.9]) == 0.9
