"""Plots (PNG and SVG, matplotlib): throughput, latency, CPU per request, sweeps, lines of code."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from benchmarks.report.report_tables import LAYER_ORDER

COLORS = {"django": "#0c4b33", "flask": "#3f9fd6"}


def save(figure, directory: Path, name: str) -> None:
    figure.tight_layout()
    for suffix in ("png", "svg"):
        figure.savefig(directory / f"{name}.{suffix}", dpi=120)
    plt.close(figure)


def grouped_bars(axes, labels: list[str], by_twin: dict[str, list], title: str) -> None:
    """Bars of medians with min-max whiskers, one colour per twin."""
    width = 0.8 / max(len(by_twin), 1)
    for index, (twin, summaries) in enumerate(sorted(by_twin.items())):
        positions = [x + index * width for x in range(len(labels))]
        medians = [s["median"] if s else 0 for s in summaries]
        low = [s["median"] - s["min"] if s else 0 for s in summaries]
        high = [s["max"] - s["median"] if s else 0 for s in summaries]
        axes.bar(positions, medians, width, yerr=[low, high], capsize=3, label=twin,
                 color=COLORS.get(twin))  # fmt: skip
    axes.set_xticks([x + width * (len(by_twin) - 1) / 2 for x in range(len(labels))], labels)
    axes.tick_params(axis="x", labelrotation=20)
    axes.set_title(title)
    axes.legend()


def entries_chart(entries: list[tuple[str, dict]], twins: list[str], key: str, title: str):
    labels = [label for label, _ in entries]
    by_twin = {twin: [entry.get(twin, {}).get(key) for _, entry in entries] for twin in twins}
    figure, axes = plt.subplots(figsize=(9, 4.5))
    grouped_bars(axes, labels, by_twin, title)
    return figure


def latency_chart(entries: list[tuple[str, dict]], twins: list[str]):
    figure, panels = plt.subplots(1, 3, figsize=(15, 4.5))
    for axes, key in zip(panels, ("p50_ms", "p95_ms", "p99_ms"), strict=True):
        labels = [label for label, _ in entries]
        by_twin = {twin: [entry.get(twin, {}).get(key) for _, entry in entries] for twin in twins}
        grouped_bars(axes, labels, by_twin, f"{key.split('_')[0]} latency (ms)")
    return figure


def concurrency_chart(points: list[dict], twins: list[str]):
    figure, panels = plt.subplots(1, 2, figsize=(11, 4.5))
    for axes, key, title in zip(
        panels, ("rps", "p95_ms"), ("req/s", "p95 latency (ms)"), strict=True
    ):
        for twin in twins:
            xs = [p["point"] for p in points if p["twins"].get(twin, {}).get(key)]
            ys = [
                p["twins"][twin][key]["median"] for p in points if p["twins"].get(twin, {}).get(key)
            ]
            axes.plot(xs, ys, marker="o", label=twin, color=COLORS.get(twin))
        axes.set_xscale("log", base=2)
        users = sorted({p["point"] for p in points})
        axes.set_xticks(users, [str(count) for count in users])
        axes.set_ylim(bottom=0)
        axes.set_xlabel("concurrent users (reader)")
        axes.set_title(title)
        axes.legend()
    return figure


def loc_chart(loc: dict):
    twins = sorted(loc["twins"])
    figure, axes = plt.subplots(figsize=(8, 5))
    bottoms = [0] * len(twins)
    for layer in LAYER_ORDER:
        values = [loc["twins"][twin]["layers"].get(layer, {}).get("lines", 0) for twin in twins]
        axes.bar(twins, values, bottom=bottoms, label=layer)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    axes.set_title("Lines of code by layer (migrations and tests apart)")
    axes.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return figure


def feature_chart(features: dict):
    names = sorted(features)
    figure, axes = plt.subplots(figsize=(9, max(3, 0.35 * len(names) + 1)))
    for index, side in enumerate(("django", "flask")):
        positions = [y + index * 0.4 for y in range(len(names))]
        values = [features[name][side] for name in names]
        axes.barh(positions, values, 0.4, label=side, color=COLORS[side])
    axes.set_yticks([y + 0.2 for y in range(len(names))], names)
    axes.set_title("Lines of code by feature")
    axes.legend()
    return figure


def draw_all(document: dict, directory: Path) -> None:
    twins = document["plan"]["twins"]
    headline = list(document["figures"].items())
    sweeps = document["sweeps"]
    if headline:
        save(entries_chart(headline, twins, "rps", "Throughput (req/s)"), directory, "throughput")
        save(latency_chart(headline, twins), directory, "latency")
        chart = entries_chart(
            headline, twins, "server_cpu_ms_per_request", "Server CPU per request (ms)"
        )
        save(chart, directory, "cpu_per_request")
    if sweeps["concurrency"]:
        save(concurrency_chart(sweeps["concurrency"], twins), directory, "concurrency")
    workers = [
        (str(p["point"]), p["twins"]) for p in sweeps["worker_model"] + sweeps["worker_count"]
    ]
    if workers:
        save(entries_chart(workers, twins, "rps", "Workers: req/s (reader)"), directory, "workers")
    sizes = [(f"{p['point']} articles", p["twins"]) for p in sweeps["data_size"]]
    if sizes:
        save(
            entries_chart(sizes, twins, "rps", "List pages: req/s by data size"),
            directory,
            "data_size",
        )
    save(loc_chart(document["loc"]), directory, "loc_by_layer")
    if "unavailable" not in document["loc"]["features"]:
        save(feature_chart(document["loc"]["features"]), directory, "loc_by_feature")
