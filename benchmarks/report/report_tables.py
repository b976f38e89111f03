"""Markdown tables shared by summary.md and `make loc`."""

LAYER_ORDER = (
    "models", "views", "forms", "templates", "services", "admin", "configuration", "other",
)  # fmt: skip


def table(headers: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def number(value, digits: int = 1) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def with_range(summary: dict | None, digits: int = 1) -> str:
    """median [min-max] over the repeats, or the single value of a one-run point."""
    if not summary:
        return "n/a"
    if summary["n"] == 1:
        return number(summary["median"], digits)
    low, high = number(summary["min"], digits), number(summary["max"], digits)
    return f"{number(summary['median'], digits)} [{low}, {high}]"


def ratio_text(ratio: dict | None) -> str:
    if not ratio:
        return "n/a"
    headline = ratio.get("paired_median")
    text = f"{ratio['of_medians'] if headline is None else headline:.2f}"
    if ratio["paired_min"] is not None and ratio["paired_min"] != ratio["paired_max"]:
        text += f" [{ratio['paired_min']:.2f}, {ratio['paired_max']:.2f}]"
    return text


def loc_tables(loc: dict) -> list[str]:
    twins = loc["twins"]
    names = sorted(twins)
    lines = ["### Lines of code by layer (no blanks, comments or docstrings)", ""]
    rows = []
    for layer in (*LAYER_ORDER, "total", "migrations", "tests"):
        cells = []
        for name in names:
            if layer == "total":
                cells.append(twins[name]["total"])
            else:
                cells.append(twins[name]["layers"].get(layer, {}).get("lines", 0))
        label = {"total": "**total**", "migrations": "migrations (apart)", "tests": "tests (apart)"}
        rows.append([label.get(layer, layer), *(number(cell) for cell in cells)])
    lines += table(["layer", *names], rows)
    for name in names:
        other = twins[name]["layers"].get("other", {}).get("files", {})
        if other:
            listed = ", ".join(f"{path} ({count})" for path, count in other.items())
            lines += [f"- {name}, other: {listed}", ""]
    features = loc["features"]
    lines += ["### Lines of code by feature (shared_spec/features.yaml)", ""]
    if "unavailable" in features:
        lines += [f"Unavailable: {features['unavailable']}.", ""]
    else:
        rows = [[feature, number(sides["django"]), number(sides["flask"])]
                for feature, sides in sorted(features.items())]  # fmt: skip
        lines += table(["feature", "django", "flask"], rows)
    lines += ["### Hello-world and scaffolding", ""]
    rows = [
        [name, hello["file"], number(hello["lines"]), hello["answer"]]
        for name, hello in loc["hello_world"].items()
    ]
    lines += table(["framework", "smallest app answering one request", "lines", "GET /"], rows)
    lines += scaffolding_lines(loc["scaffolding"])
    return lines


def scaffolding_lines(scaffolding: dict) -> list[str]:
    rows = []
    django = scaffolding.get("django", {})
    for step in ("startproject", "startapp"):
        if step in django:
            made = django[step]
            rows.append([f"django `{step}`", made["files"], made["lines"], made["all_lines"]])
    flask = scaffolding.get("flask", {})
    if "cli_commands" in flask:
        made = ", ".join(flask["scaffolding_commands"]) or "none"
        listed = ", ".join(flask["cli_commands"])
        rows.append([f"flask: scaffolding commands: {made} (`flask --help`: {listed})", 0, 0, 0])
    return table(["command", "files created", "code lines", "all lines"], rows)


def footprint_table(footprint: dict) -> list[str]:
    rows = []
    for name, data in footprint.items():
        if "unavailable" in data:
            rows.append([name, "n/a", "n/a", "n/a", data["unavailable"][:80]])
            continue
        size = data["size_bytes"] / 1024 / 1024
        direct = ", ".join(data["direct"])
        rows.append(
            [name, data["package_count"], number(size), number(data["python_lines"]), direct]
        )
    return table(["environment", "packages", "installed MiB", "lines of Python", "direct"], rows)
