"""How steady the server core is: one fixed piece of Python work, timed again and again on it.

`make bench` runs `python -m benchmarks.measure.steadiness --seconds N` on the server core before
the load runs and keeps what it prints (JSON) in the record. On a quiet core every chunk of work
costs about the same CPU time; on a core whose physical neighbour is busy (a shared host, another
tenant) some chunks cost much more, and the load runs feel the same slow spells in their CPU per
request.
"""

import argparse
import json
import time
from statistics import median

SLOW_FACTOR = 1.25  # a chunk is slow when it costs more than this times the fastest tenth
BLOCK_S = 5.0  # the mean chunk of each block of this many seconds; how far apart those lie
MIN_BLOCK_CHUNKS = 10


def chunk_of_work() -> int:
    """About 2 ms of interpreter work: dict stores and small string conversions."""
    table, total = {}, 0
    for number in range(20_000):
        table[number & 1023] = number
        total += len(str(number))
    return total


def time_chunks(seconds: float) -> list[tuple[float, float]]:
    """(wall-clock start, CPU seconds of this thread) of each chunk run within the time given."""
    samples = []
    deadline = time.monotonic() + seconds
    while (started := time.monotonic()) < deadline:
        cpu = time.thread_time()
        chunk_of_work()
        samples.append((started, time.thread_time() - cpu))
    return samples


def steadiness(samples: list[tuple[float, float]]) -> dict | None:
    """The chunks' median and fastest tenth, the share of slow chunks, the spread of block means."""
    if not samples:
        return None
    costs = sorted(cpu for _, cpu in samples)
    fastest_tenth = costs[len(costs) // 10]
    first = samples[0][0]
    blocks: dict[int, list[float]] = {}
    for started, cpu in samples:
        blocks.setdefault(int((started - first) // BLOCK_S), []).append(cpu)
    means = [sum(block) / len(block) for block in blocks.values() if len(block) >= MIN_BLOCK_CHUNKS]
    return {
        "chunks": len(costs),
        "median_ms": median(costs) * 1000,
        "fastest_tenth_ms": fastest_tenth * 1000,
        "slow_share": sum(cost > SLOW_FACTOR * fastest_tenth for cost in costs) / len(costs),
        "slow_factor": SLOW_FACTOR,
        "block_s": BLOCK_S,
        "block_means_ms": [mean * 1000 for mean in means],
        "block_spread_pct": (max(means) - min(means)) / min(means) * 100 if means else None,
    }


def describe(summary: dict | None) -> str:
    if summary and "unavailable" in summary:
        return summary["unavailable"]
    if not summary or "median_ms" not in summary:
        return "no chunk ran"
    spread = summary["block_spread_pct"]
    return (
        f"median chunk {summary['median_ms']:.2f} ms; {summary['slow_share'] * 100:.0f}% of chunks"
        f" cost over {summary['slow_factor']:g}x the fastest tenth; means of"
        f" {summary['block_s']:g} s blocks {'n/a' if spread is None else f'{spread:.0f}%'} apart"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.measure.steadiness", description=__doc__
    )
    parser.add_argument("--seconds", type=float, default=30.0)
    options = parser.parse_args()
    samples = time_chunks(options.seconds)
    print(json.dumps({"summary": steadiness(samples), "samples": samples}))


if __name__ == "__main__":
    main()
