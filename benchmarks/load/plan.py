"""What one invocation measures: run specifications, QUICK or full, and how long it takes."""

import os
from dataclasses import dataclass, field, replace

HEADLINE_SCENARIOS = ("reader", "writer", "api_client", "probe_page", "probe_json", "probe_write")
API_SCENARIOS = frozenset({"api_client", "probe_json"})
SIGNED_IN_SCENARIOS = frozenset({"reader", "writer", "probe_write"})
# Seconds a run costs besides warm-up and window: restore, start, sign-ins, locust start and stop
# (measured on the 2-core reference machine: 48 runs of 25 s took 23:03).
RUN_OVERHEAD_S = 4.0
# Seconds to generate and load one snapshot, per 1,000 articles (both twins together).
SNAPSHOT_S_PER_1K = 2.0
FIXED_STEPS_S = 60.0  # counting pass, import times, footprint, line counts, plots
# Seconds of the verdict-grade methods besides their measured time (measured on the 2-core
# reference machine): the instruction pass of both twins, one interleaved start of the twins, the
# instruction counts of the app comparisons, and one start of a comparison's targets.
INSTRUCTIONS_S = {True: 90.0, False: 420.0}
INTERLEAVE_SCENARIO_S, INTERLEAVE_START_S = 3.0, 8.0
INTERLEAVE_STARTS = {True: 1, False: 3}  # QUICK keeps one start; full restarts after each write
APPS_INSTRUCTIONS_S = {True: 35.0, False: 240.0}
APPS_OVERHEAD_S = 10.0
# How many targets each app comparison serves at once (apps/catalogue.py), QUICK and full.
APP_TARGETS = {True: (3,), False: (6, 3, 2, 3, 3)}


@dataclass(frozen=True)
class Scale:
    """A generated data set: the seed generator's --articles and --users."""

    articles: int
    users: int

    @property
    def key(self) -> str:
        return f"{self.articles}a{self.users}u"

    @property
    def label(self) -> str:
        return f"{self.articles // 1000}k" if self.articles >= 1000 else str(self.articles)


@dataclass(frozen=True)
class RunSpec:
    """One load-test configuration; every twin runs it the same way."""

    scenario: str
    users: int
    scale: Scale
    worker_class: str = "sync"
    workers: int = 2
    threads: int = 1
    server_cores: int = 1

    @property
    def key(self) -> str:
        model = self.worker_class if self.threads == 1 else f"{self.worker_class}x{self.threads}"
        return (
            f"{self.scenario}-u{self.users}-{self.scale.label}-{model}"
            f"-w{self.workers}-c{self.server_cores}"
        )


@dataclass(frozen=True)
class Plan:
    quick: bool
    small: Scale
    large: Scale
    warmup_s: float
    window_s: float
    repeats: int
    users: int
    concurrency: tuple[int, ...]
    gthread_threads: int
    data_size_sweep: bool
    worker_model_sweep_on: bool = True
    import_repeats: int = 5
    steadiness_s: float = 30.0
    workers_per_core: int = 2
    server_cores_available: int = 1
    skipped: frozenset[str] = field(default_factory=frozenset)
    sequential_scenarios: tuple[str, ...] = HEADLINE_SCENARIOS
    interleave_warmup_s: float = 10.0
    interleave_measured_s: float = 60.0
    interleave_window_s: float = 0.5
    interleave_users: int = 32
    apps_warmup_s: float = 5.0
    apps_per_target_s: float = 8.0
    apps_users: int = 8

    @property
    def scales(self) -> tuple[Scale, ...]:
        """The data sets loaded: two for the data-size comparisons, one in QUICK."""
        return (self.large,) if self.small == self.large else (self.small, self.large)

    @property
    def headline(self) -> list[RunSpec]:
        return [
            RunSpec(name, self.users, self.large, workers=self.workers_per_core)
            for name in self.sequential_scenarios
            if name not in self.skipped
        ]

    @property
    def interleaved_scenarios(self) -> tuple[str, ...]:
        return tuple(name for name in HEADLINE_SCENARIOS if name not in self.skipped)

    @property
    def reader(self) -> RunSpec:
        return RunSpec("reader", self.users, self.large, workers=self.workers_per_core)

    @property
    def concurrency_sweep(self) -> list[RunSpec]:
        return [replace(self.reader, users=users) for users in self.concurrency]

    @property
    def worker_model_sweep(self) -> list[RunSpec]:
        if not self.worker_model_sweep_on:
            return [self.reader]
        return [
            self.reader,
            replace(self.reader, worker_class="gthread", threads=self.gthread_threads),
        ]

    @property
    def worker_count_sweep(self) -> list[RunSpec]:
        """Server cores 1..available, workers per core fixed: one point on a 2-core machine."""
        return [
            replace(self.reader, server_cores=cores, workers=cores * self.workers_per_core)
            for cores in range(1, self.server_cores_available + 1)
        ]

    @property
    def data_size(self) -> list[RunSpec]:
        if not self.data_size_sweep:
            return []
        return [RunSpec("lists", self.users, scale) for scale in (self.small, self.large)]

    def runs(self) -> list[tuple[RunSpec, int]]:
        """Each distinct spec and its repeat count: headline specs repeat, sweep points run once."""
        counts: dict[RunSpec, int] = {spec: self.repeats for spec in self.headline}
        sweeps = [
            *self.concurrency_sweep,
            *self.worker_model_sweep,
            *self.worker_count_sweep,
            *self.data_size,
        ]
        for spec in sweeps:
            counts.setdefault(spec, 1)
        return list(counts.items())

    def run_seconds(self) -> float:
        return self.warmup_s + self.window_s + RUN_OVERHEAD_S

    def load_runs(self, twins: list[str], unavailable: dict[str, set[str]] | None = None) -> int:
        """How many load runs there are, leaving out scenarios a twin cannot serve."""
        unavailable = unavailable or {}
        return sum(
            repeats
            for spec, repeats in self.runs()
            for twin in twins
            if spec.scenario not in unavailable.get(twin, set())
        )

    def methods_seconds(self) -> float:
        """Instruction counts, interleaved timing and the app comparisons, by both methods."""
        interleave = (
            len(self.interleaved_scenarios)
            * (self.interleave_warmup_s + self.interleave_measured_s + INTERLEAVE_SCENARIO_S)
            + INTERLEAVE_STARTS[self.quick] * INTERLEAVE_START_S
        )
        apps = APPS_INSTRUCTIONS_S[self.quick] + sum(
            self.apps_warmup_s + self.apps_per_target_s * targets + APPS_OVERHEAD_S
            for targets in APP_TARGETS[self.quick]
        )
        return INSTRUCTIONS_S[self.quick] + interleave + apps

    def estimate_seconds(self, load_runs: int, snapshots_missing: int) -> float:
        snapshot_s = snapshots_missing * SNAPSHOT_S_PER_1K * self.large.articles / 1000 / 2
        fixed_s = FIXED_STEPS_S + self.steadiness_s
        return load_runs * self.run_seconds() + snapshot_s + fixed_s + self.methods_seconds()


def make_plan(quick: bool, server_cores_available: int, skipped=frozenset()) -> Plan:
    if quick:
        return Plan(
            quick=True, small=Scale(1000, 100), large=Scale(1000, 100), warmup_s=1, window_s=2,
            repeats=1, users=32, concurrency=(32,), gthread_threads=4, data_size_sweep=False,
            worker_model_sweep_on=False, import_repeats=1, steadiness_s=5,
            server_cores_available=server_cores_available, skipped=frozenset(skipped),
            sequential_scenarios=("reader",), interleave_warmup_s=1, interleave_measured_s=5,
            apps_warmup_s=1, apps_per_target_s=3,
        )  # fmt: skip
    return Plan(
        quick=False, small=Scale(1000, 1000), large=Scale(10000, 1000), warmup_s=4, window_s=12,
        repeats=2, users=32, concurrency=(1, 8, 32, 64), gthread_threads=4, data_size_sweep=True,
        server_cores_available=server_cores_available, skipped=frozenset(skipped),
    )  # fmt: skip


def cpu_layout(generator_cores: int = 1) -> tuple[list[int], list[int]]:
    """(server CPUs, generator CPUs): the generator takes the last cores, the server the rest."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return cpus, cpus
    generator_cores = min(generator_cores, len(cpus) - 1)
    return cpus[:-generator_cores], cpus[-generator_cores:]
