"""Django's template language and Jinja2 side by side: a shared subset, call syntax, backends."""

# The probe (probes/templates/engines.py) runs in the environment `templates` (Django and Jinja2,
# no Flask) and prints each engine's raw output; the comparison is made here.

from benchmarks.evidence.envs import fresh_env, versions
from benchmarks.evidence.experiment import Context, Outcome
from benchmarks.evidence.experiments._probe_process import probe

NAME = "templates"
TITLE = "DTL and Jinja2 on one template text; Python calls; Django's Jinja2 backend; Jinja alone"
ESTIMATE_S = (10, 10)
FIGURES = {
    "shared_subset_total": "templates of the common subset (variables, attribute and key lookup, "
    "the upper filter, for, if, extends/block), each one source text (count)",
    "shared_subset_identical": "of those, templates whose output from django.template.Engine and "
    "from a default jinja2.Environment is the same once trailing whitespace is stripped from "
    "every line and the end (count)",
    "shared_subset_differences": "names of the templates whose outputs differ, sorted (list)",
    "shared_subset_names": "names of every template of the subset, in order (list)",
    "dtl_call_syntax_error": "`{{ f(1) }}` raises TemplateSyntaxError in DTL (bool)",
    "jinja_call_renders": "`{{ f(1) }}` renders in a jinja2.Environment, with f passed in, as "
    "str(f(1)) (bool)",
    "django_jinja2_backend_autoescape": "django.template.backends.jinja2.Jinja2 with default "
    "options renders a context value <script>… escaped (bool)",
    "jinja_standalone_renders": "a jinja2.Environment renders a template as expected, in an "
    "environment without Flask (bool)",
    "jinja_env_has_flask": "find_spec('flask') is not None in that environment (bool)",
}
SCRIPT = "<script>"


def normalized(text: str) -> str:
    """The text with trailing whitespace stripped from every line and from its end."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip()


def subset_figures(outputs: dict[str, dict[str, str]]) -> dict:
    differ = sorted(name for name, pair in outputs.items()
                    if normalized(pair["dtl"]) != normalized(pair["jinja"]))  # fmt: skip
    return {
        "shared_subset_total": len(outputs),
        "shared_subset_identical": len(outputs) - len(differ),
        "shared_subset_differences": differ,
        "shared_subset_names": list(outputs),
    }


def escaped(output: str) -> bool:
    return SCRIPT not in output and "&lt;script&gt;" in output


def engine_figures(found: dict) -> dict:
    call, standalone = found["call_syntax"], found["standalone_jinja"]
    return {
        "dtl_call_syntax_error": call["dtl"] == "TemplateSyntaxError",
        "jinja_call_renders": call["jinja_output"] == call["jinja_expected"],
        "django_jinja2_backend_autoescape": escaped(found["django_jinja2_backend"]["output"]),
        "jinja_standalone_renders": standalone["output"] == standalone["expected"],
        "jinja_env_has_flask": standalone["flask_found"],
    }


def run(context: Context) -> Outcome:
    python = fresh_env("templates")
    context.say("templates: rendering in the environment `templates`")
    found = probe(python, "templates/engines.py", timeout=120)
    figures = {**subset_figures(found["shared_subset"]), **engine_figures(found)}
    notes = [
        f"{name}: DTL {pair['dtl']!r}, Jinja2 {pair['jinja']!r}"
        for name, pair in found["shared_subset"].items()
        if name in figures["shared_subset_differences"]
    ]
    return Outcome(
        figures=figures,
        versions={
            **versions(python, ["django", "jinja2", "markupsafe", "flask"]),
            "python": found["python"],
        },
        notes=notes,
    )
