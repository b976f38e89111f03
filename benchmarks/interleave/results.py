"""What an interleaved measurement reports: per target, per ratio, per scenario (dataclasses)."""

from dataclasses import asdict, dataclass, field

from benchmarks.interleave.accounting import WindowFigures


@dataclass(frozen=True)
class TargetFigures:
    """One target in one scenario; CPU per request is pooled over its measured windows."""

    name: str
    status: str  # "ok" or "unavailable"
    reason: str | None = None
    cpu_ms_per_request: float | None = None  # total CPU / total requests
    window_median_cpu_ms_per_request: float | None = None
    requests: int = 0
    failures: int = 0
    failure_messages: dict[str, int] = field(default_factory=dict)
    startup_s: float | None = None


@dataclass(frozen=True)
class RatioFigures:
    """CPU per request of target over baseline: median of per-cycle pairs, its 95% interval."""

    target: str
    baseline: str
    median: float | None
    low: float | None
    high: float | None
    pairs: int
    pooled: float | None  # ratio of the pooled CPU per request, a cross-check
    cycles_per_pair: int = 1
    single_cycle_median: float | None = None  # median over one-cycle pairs, for comparison
    clean_pairs: int = 0  # pairs whose server CPU was not crowded by other work
    every_pair_median: float | None = None  # crowded pairs included
    core_shared: bool = False  # too few clean pairs: the median is over every pair


@dataclass
class InterleavedResult:
    """One scenario measured with its targets interleaved."""

    scenario: str
    status: str  # "ok", "unavailable" (fewer than two targets can run it) or "error"
    reason: str | None
    baseline: str
    users: int
    window_s: float
    warmup_s: float
    measured_s: float
    targets: list[TargetFigures] = field(default_factory=list)
    ratios: list[RatioFigures] = field(default_factory=list)
    windows: list[WindowFigures] = field(default_factory=list)
    generator_share_median: float | None = None
    generator_share_max: float | None = None
    generator_bound_windows: int = 0
    foreign_share_median: float | None = None  # the server CPU's other work, share of its time
    wall_s: float = 0.0

    def target(self, name: str) -> TargetFigures | None:
        return next((figures for figures in self.targets if figures.name == name), None)

    def ratio(self, name: str) -> RatioFigures | None:
        return next((figures for figures in self.ratios if figures.target == name), None)

    def to_json(self) -> dict:
        return asdict(self)
