"""The versioned record of one invocation (twins-bench-v2), as typed dataclasses.

Each section is produced by one part of the harness: `sequential` by the load runs (load/),
`instructions` by the valgrind counts (instructions/), `interleaved` by the interleaved timing
(interleave/), `apps` by the ladders and floors (apps/), `loc` and `footprint` by size/. Sections
whose producer keeps its own dataclasses hold them as they are; `asdict` flattens the whole record
to JSON, which is what `make bench-compare` and the evidence report read.
"""

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class PlanRecord:
    quick: bool
    warmup_s: float
    window_s: float
    repeats: int
    users: int
    concurrency: tuple[int, ...]
    twins: list[str]


@dataclass
class BenchRecord:
    """Every figure of one invocation, keyed by method, scenario or page, and twin."""

    quick: bool
    plan: PlanRecord
    environment: dict[str, Any]
    figures: dict[str, Any]  # sequential load runs, per headline scenario
    sweeps: dict[str, Any]
    queries: dict[str, Any]
    startup_s: dict[str, Any]
    imports: dict[str, Any]
    loc: dict[str, Any]
    footprint: dict[str, Any]
    unavailable: list[str]
    wall_time_s: float
    aggregated: dict[str, Any]
    runs: list[dict[str, Any]]
    instructions: Any = None
    interleaved: Any = None
    apps: Any = None
    schema: str = "twins-bench"
    schema_version: int = 2
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
