"""What an instruction count produces: typed results per twin, request kind, scenario and page."""

from dataclasses import asdict, dataclass, field

INCLUDES = (
    "the WSGI app's own work in-process: routing, middleware, views, ORM, templates, JSON, "
    "and SQLite's work (it runs inside the process)"
)
LEAVES_OUT = (
    "kernel time, waits for I/O, gunicorn's HTTP parsing and worker management, and the "
    "database server's work on PostgreSQL"
)


@dataclass(frozen=True)
class InstructionCount:
    """One request kind: instructions of its measured batch, and per request."""

    label: str
    requests: int
    batch_instructions: int
    status: int

    @property
    def per_request(self) -> float:
        return self.batch_instructions / self.requests


@dataclass(frozen=True)
class CostShare:
    """One part of a page's cost: per request, and its share of the whole."""

    part: str
    per_request: float
    share: float


@dataclass(frozen=True)
class PageBreakdown:
    """Where one page's instructions go: by object file (callgrind), by Python layer (cProfile)."""

    label: str
    by_object: list[CostShare]
    by_layer: list[CostShare]  # per_request: the layer's share of the page's instructions
    top_functions: list[CostShare]


@dataclass(frozen=True)
class KindShare:
    label: str
    share: float
    per_request: float


@dataclass(frozen=True)
class MixFigure:
    """Instructions per request of one scenario's request mix: the shares and their kinds."""

    scenario: str
    per_request: float
    kinds: list[KindShare]


@dataclass
class TwinInstructions:
    twin: str
    python: str
    framework: str
    counts: list[InstructionCount] = field(default_factory=list)
    mixes: list[MixFigure] = field(default_factory=list)
    breakdowns: list[PageBreakdown] = field(default_factory=list)
    wall_s: float = 0.0

    def count(self, label: str) -> InstructionCount | None:
        return next((count for count in self.counts if count.label == label), None)


@dataclass(frozen=True)
class Ratio:
    """Flask / Django instructions per request for one kind or scenario."""

    label: str
    django: float
    flask: float

    @property
    def flask_over_django(self) -> float:
        return self.flask / self.django


@dataclass
class InstructionResults:
    scale: str
    quick: bool
    valgrind: str
    warmup: int
    batch: int
    twins: list[TwinInstructions]
    kind_ratios: list[Ratio]
    mix_ratios: list[Ratio]
    wall_s: float
    includes: str = INCLUDES
    leaves_out: str = LEAVES_OUT
    method: str = ""

    def to_json(self) -> dict:
        record = asdict(self)
        for twin, data in zip(self.twins, record["twins"], strict=True):
            for count, row in zip(twin.counts, data["counts"], strict=True):
                row["per_request"] = count.per_request
        for name in ("kind_ratios", "mix_ratios"):
            for ratio, row in zip(getattr(self, name), record[name], strict=True):
                row["flask_over_django"] = ratio.flask_over_django
        return record


def ratios(django: dict[str, float], flask: dict[str, float]) -> list[Ratio]:
    """Flask/Django for every label both twins have, in Django's order; zero counts are skipped."""
    return [
        Ratio(label, value, flask[label])
        for label, value in django.items()
        if label in flask and value > 0
    ]
