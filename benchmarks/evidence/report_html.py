"""The evidence report as one self-contained HTML page: inline style and plots, no outside link."""

import io
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from benchmarks.evidence.registry import Registry
from benchmarks.evidence.report_md import MARK, count_line, heading
from benchmarks.evidence.verdicts import ClaimResult, counts

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
td, th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
code { background: #f4f4f4; padding: 0 .2rem; }
.verdict { font-weight: bold; }
.Supported { color: #146c2e; } .Refuted { color: #a4161a; } .Mixed { color: #9c6500; }
section { border-top: 1px solid #ddd; margin-top: 1.5rem; }
figure svg, figure img { max-width: 100%; height: auto; }
"""


def verdict_plot(results: list[ClaimResult]) -> str:
    """A bar chart of the verdict counts, as inline SVG."""
    counted = counts(results)
    figure, axis = plt.subplots(figsize=(6, 2.4))
    axis.barh(list(counted), list(counted.values()), color="#4a6fa5")
    axis.invert_yaxis()
    axis.set_xlabel("claims")
    for index, value in enumerate(counted.values()):
        axis.text(value + 0.3, index, str(value), va="center")
    figure.tight_layout()
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def plot_html(name: str, plot: str) -> str:
    body = (
        plot[plot.index("<svg") :] if "<svg" in plot else f'<img alt="{escape(name)}" src="{plot}">'
    )
    return f"<figure>{body}<figcaption>{escape(name)}</figcaption></figure>"


def claim_html(result: ClaimResult, registry: Registry, quick: bool) -> str:
    claim, verdict = result.claim, result.verdict
    parts = [f'<section id="{claim.id}"><h2>{claim.id}: {escape(claim.claim)}</h2>']
    sources = "; ".join(f"{key} “{escape(registry.articles[key])}”" for key in claim.sources)
    parts.append(f"<p>Sources: {sources}</p>")
    provisional = " (provisional: QUICK run)" if quick else ""
    parts.append(f'<p class="verdict {verdict.verdict.split()[0]}">Verdict: '
                 f"{escape(verdict.verdict)}{provisional}</p>")  # fmt: skip
    parts.append(f"<p>{escape(verdict.explanation)}</p><p>Rule: {escape(claim.rule['text'])}</p>")
    if verdict.checks:
        rows = "".join(
            f"<tr><td>{escape(check.says)}</td><td><code>{escape(check.shown)}</code></td>"
            f"<td>{MARK[check.holds]}</td></tr>"
            for check in verdict.checks
        )
        parts.append(f"<table><tr><th>Check</th><th>Figures</th><th>Result</th></tr>{rows}</table>")
    items = []
    for record in result.records:
        versions = ", ".join(f"{k} {v}" for k, v in sorted(record.get("versions", {}).items()))
        notes = "".join(f"<li>{escape(note)}</li>" for note in record.get("notes", []))
        items.append(f"<li>Experiment <code>{escape(record['experiment'])}</code>: "
                     f"{escape(record['title'])}; <code>{escape(record['command'])}</code>; "
                     f"{escape(record['status'])}; versions: {escape(versions or 'n/a')}"
                     f"{f'<ul>{notes}</ul>' if notes else ''}</li>")  # fmt: skip
        prefix = f"{record['experiment']}."
        read = [
            name.removeprefix(prefix) for name in claim.figure_names() if name.startswith(prefix)
        ]
        for key, plot in record.get("plots", {}).items():
            if any(name.startswith(key) for name in read):
                parts.append(plot_html(key, plot))
    for label, notes in (("Contradiction", claim.contradictions), ("Caveat", claim.caveats)):
        items += [f"<li>{label}: {escape(note)}</li>" for note in notes]
    parts.append(f"<ul>{''.join(items)}</ul></section>")
    return "\n".join(parts)


def evidence_html(results: list[ClaimResult], registry: Registry, context: dict) -> str:
    quick = context["quick"]
    rows = "".join(
        f'<tr><td><a href="#{r.claim.id}">{r.claim.id}</a></td><td>{escape(r.claim.claim)}</td>'
        f'<td class="{r.verdict.verdict.split()[0]}">{escape(r.verdict.verdict)}'
        f"{' (provisional)' if quick else ''}</td></tr>"
        for r in results
    )
    facts = "".join(f"<li>{escape(line.removeprefix('- '))}</li>" for line in heading(context))
    sections = "\n".join(claim_html(result, registry, quick) for result in results)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence: Django and Flask</title>
<style>{STYLE}</style></head><body>
<h1>Evidence: Django and Flask, claim by claim</h1>
<ul>{facts}</ul>
<p>Verdicts: {escape(count_line(results))}.</p>
<figure>{verdict_plot(results)}<figcaption>Verdicts</figcaption></figure>
<table><tr><th>Claim</th><th>Says</th><th>Verdict</th></tr>{rows}</table>
{sections}
</body></html>
"""
