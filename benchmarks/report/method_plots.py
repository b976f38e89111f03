"""Plots of the verdict-grade methods: instruction ratios, interleaved intervals, app figures."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from benchmarks.report.plots import COLORS, save


def ratio_chart(section: dict):
    """Flask/Django instructions per request, page by page and scenario by scenario."""
    ratios = {
        **section["ratios"]["pages"],
        **{f"mix: {k}": v for k, v in section["ratios"]["scenarios"].items()},
    }
    labels, values = list(ratios), list(ratios.values())
    figure, axes = plt.subplots(figsize=(10, max(4, 0.22 * len(labels))))
    colors = [COLORS["flask"] if value < 1 else COLORS["django"] for value in values]
    axes.barh(labels, values, color=colors)
    axes.axvline(1.0, color="black", linewidth=0.8)
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    axes.set_xlabel("Flask / Django instructions per request (below 1: Flask executes fewer)")
    axes.set_title("Instructions per request, Flask over Django (valgrind)")
    return figure


def interval_chart(section: dict):
    """Interleaved CPU ratio per scenario with its bootstrap 95% interval."""
    rows = [(name, entry["ratio"]) for name, entry in section["scenarios"].items()
            if entry.get("ratio") and entry["ratio"].get("median") is not None]  # fmt: skip
    figure, axes = plt.subplots(figsize=(8, 4))
    for index, (_, ratio) in enumerate(rows):
        low, high = ratio.get("low") or ratio["median"], ratio.get("high") or ratio["median"]
        axes.errorbar([ratio["median"]], [index], xerr=[[ratio["median"] - low], [high - ratio["median"]]],  # noqa: E501
                      fmt="o", color=COLORS["flask"], capsize=4)  # fmt: skip
    axes.set_yticks(range(len(rows)), [name for name, _ in rows])
    axes.axvline(1.0, color="black", linewidth=0.8)
    axes.invert_yaxis()
    axes.set_xlabel("Flask / Django server CPU per request, interleaved (95% interval)")
    axes.set_title("Twins timed interleaved on one core")
    return figure


def comparison_chart(comparison: dict):
    """Instructions per request of each target of one app comparison, request by request."""
    labels = comparison["requests"]
    targets = [t for t in comparison["targets"] if not t.get("error")]
    figure, axes = plt.subplots(figsize=(max(6, 1.3 * len(targets) * len(labels)), 4.5))
    width = 0.8 / max(len(labels), 1)
    for index, label in enumerate(labels):
        values = [t["instructions"].get(label, 0) / 1e6 for t in targets]
        axes.bar([x + index * width for x in range(len(targets))], values, width, label=label)
    axes.set_xticks([x + width * (len(labels) - 1) / 2 for x in range(len(targets))],
                    [t["name"] for t in targets])  # fmt: skip
    axes.tick_params(axis="x", labelrotation=20)
    axes.set_ylabel("M instructions per request")
    axes.set_title(comparison["name"])
    axes.legend()
    return figure


def draw_methods(document: dict, directory: Path) -> None:
    instructions = document.get("instructions") or {}
    if instructions.get("ratios"):
        save(ratio_chart(instructions), directory, "instruction-ratios")
    interleaved = document.get("interleaved") or {}
    if interleaved.get("scenarios"):
        save(interval_chart(interleaved), directory, "interleaved-ratios")
    for comparison in (document.get("apps") or {}).get("comparisons", []):
        save(comparison_chart(comparison), directory, f"apps-{comparison['name']}")
