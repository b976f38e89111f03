"""The server core's steadiness: slow chunks and the spread of block means, on made-up timings."""

import pytest

from benchmarks.measure.steadiness import BLOCK_S, describe, steadiness


def chunks(costs_by_block: list[float], per_block: int = 50) -> list[tuple[float, float]]:
    """per_block chunks in each BLOCK_S block, each costing that block's CPU seconds."""
    step = BLOCK_S / per_block
    return [
        (block * BLOCK_S + index * step, cost)
        for block, cost in enumerate(costs_by_block)
        for index in range(per_block)
    ]


def test_a_steady_core_has_no_slow_chunks_and_no_spread():
    summary = steadiness(chunks([0.002] * 6))

    assert summary["chunks"] == 300
    assert summary["median_ms"] == pytest.approx(2.0)
    assert summary["slow_share"] == 0
    assert summary["block_spread_pct"] == pytest.approx(0)


def test_a_slow_spell_shows_as_slow_chunks_and_far_apart_blocks():
    summary = steadiness(chunks([0.002, 0.002, 0.0037, 0.002, 0.002, 0.002]))

    assert summary["slow_share"] == pytest.approx(1 / 6)
    assert summary["block_spread_pct"] == pytest.approx(85)
    assert "17% of chunks" in describe(summary)
    assert "85% apart" in describe(summary)


def test_a_block_with_too_few_chunks_is_left_out_of_the_spread():
    samples = [*chunks([0.002, 0.002]), (2 * BLOCK_S, 0.01)]

    assert steadiness(samples)["block_spread_pct"] == pytest.approx(0)


def test_nothing_measured_is_said_so():
    assert steadiness([]) is None
    assert describe(None) == "no chunk ran"
    assert describe({"seconds": 30}) == "no chunk ran"
    assert describe({"unavailable": "steadiness check failed: x"}) == "steadiness check failed: x"
