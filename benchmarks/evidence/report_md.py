"""The evidence report as Markdown: the run's evidence.md and the committed EVIDENCE.md summary."""

from benchmarks.evidence.registry import Registry
from benchmarks.evidence.verdicts import ClaimResult, counts

MARK = {True: "holds", False: "does not hold", None: "undecided"}


def cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def heading(context: dict) -> list[str]:
    machine = context["machine"]
    lines = [
        f"- Date: {context['created_utc']}; commit {context['commit'][:12]}"
        + (" (with uncommitted changes)" if context["dirty"] else ""),
        f"- Machine: {machine['cpu_model']}, {machine['cores']} cores, "
        f"{machine['memory_gib']} GiB; Python {context['python']}",
        f"- Mode: {'QUICK: every verdict is provisional' if context['quick'] else 'full'}; "
        f"wall time {context['wall_s'] / 60:.1f} min",
        "- Versions measured: "
        + "; ".join(f"{name} {version}" for name, version in sorted(context["versions"].items())),
    ]
    return lines


def summary_table(results: list[ClaimResult], quick: bool, link=lambda claim_id: claim_id) -> list:
    suffix = " (provisional)" if quick else ""
    lines = ["| Claim | Says | Verdict |", "|---|---|---|"]
    for result in results:
        claim = result.claim
        lines.append(
            f"| {link(claim.id)} | {cell(claim.claim)} | {result.verdict.verdict}{suffix} |"
        )
    return lines


def count_line(results: list[ClaimResult]) -> str:
    return ", ".join(f"{verdict} {number}" for verdict, number in counts(results).items())


def claim_section(result: ClaimResult, registry: Registry, quick: bool) -> list[str]:
    claim, verdict = result.claim, result.verdict
    lines = [f"## {claim.id}: {claim.claim}", ""]
    lines.append(
        "Sources: " + "; ".join(f'{key} "{registry.articles[key]}"' for key in claim.sources)
    )
    provisional = " (provisional: QUICK run)" if quick else ""
    lines += ["", f"**Verdict: {verdict.verdict}**{provisional}", "", verdict.explanation, "",
              f"Rule: {claim.rule['text']}", ""]  # fmt: skip
    if verdict.checks:
        label = "Proxy" if "not_testable" in claim.rule else "Check"
        lines += [f"| {label} | Figures | Result |", "|---|---|---|"]
        for check in verdict.checks:
            lines.append(f"| {cell(check.says)} | `{cell(check.shown)}` | {MARK[check.holds]} |")
        lines.append("")
    for record in result.records:
        versions = ", ".join(f"{k} {v}" for k, v in sorted(record.get("versions", {}).items()))
        lines.append(f"- Experiment `{record['experiment']}` ({record['title']}): "
                     f"`{record['command']}`, {record['status']}, {record['wall_s']:.0f} s; "
                     f"versions: {versions or 'n/a'}")  # fmt: skip
        lines += [f"  - note: {note}" for note in record.get("notes", [])]
    for label, items in (("Contradiction", claim.contradictions), ("Caveat", claim.caveats)):
        lines += [f"- {label}: {item}" for item in items]
    return [*lines, ""]


def evidence_md(results: list[ClaimResult], registry: Registry, context: dict) -> str:
    lines = ["# Evidence: Django and Flask, claim by claim", "", *heading(context), "",
             f"Verdicts: {count_line(results)}.", "",
             *summary_table(results, context["quick"]), ""]  # fmt: skip
    for result in results:
        lines += claim_section(result, registry, context["quick"])
    return "\n".join(lines) + "\n"


def evidence_summary_md(results: list[ClaimResult], context: dict) -> str:
    """EVIDENCE.md: the summary table, what it was measured on, and how to regenerate it."""
    lines = [
        "# Evidence: Django and Flask, claim by claim",
        "",
        "Every claim of five popular Django-vs-Flask articles (`shared_spec/claims.md`), put to an",
        "experiment and judged by a rule written before the figures (`shared_spec/claims.yaml`).",
        "`make evidence` regenerates this file and writes the full report (every figure, rule,",
        "experiment and caveat): `benchmarks/results/<time>/evidence.md` and `evidence.html`.",
        "",
        *heading(context),
        "",
        f"Verdicts: {count_line(results)}.",
        "",
        *summary_table(results, context["quick"]),
    ]
    return "\n".join(lines) + "\n"
