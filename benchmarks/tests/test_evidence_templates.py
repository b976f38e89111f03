"""The templates experiment's comparison of engine outputs, on small inputs."""

from benchmarks.evidence.experiments import templates


def test_normalized_strips_trailing_whitespace_of_lines_and_end_only():
    assert templates.normalized("<ul>  \n  <li>a</li>\t\n</ul>\n\n") == "<ul>\n  <li>a</li>\n</ul>"


def test_subset_figures_count_outputs_equal_after_normalizing():
    outputs = {
        "same": {"dtl": "Hello Ada!", "jinja": "Hello Ada!"},
        "trailing_newline": {"dtl": "<p>x</p>\n", "jinja": "<p>x</p>"},
        "escaping": {"dtl": "&lt;b&gt;", "jinja": "<b>"},
        "leading_space": {"dtl": " a", "jinja": "a"},
    }
    assert templates.subset_figures(outputs) == {
        "shared_subset_total": 4,
        "shared_subset_identical": 2,
        "shared_subset_differences": ["escaping", "leading_space"],
        "shared_subset_names": ["same", "trailing_newline", "escaping", "leading_space"],
    }


def probe_output(**changes) -> dict:
    found = {
        "call_syntax": {"dtl": "TemplateSyntaxError", "jinja_output": "2", "jinja_expected": "2"},
        "django_jinja2_backend": {"output": "&lt;script&gt;alert(1)&lt;/script&gt;"},
        "standalone_jinja": {
            "flask_found": False,
            "output": "Hello Ada!",
            "expected": "Hello Ada!",
        },
    }
    for key, value in changes.items():
        found[key] = {**found[key], **value}
    return found


def test_engine_figures_read_the_probe():
    assert templates.engine_figures(probe_output()) == {
        "dtl_call_syntax_error": True,
        "jinja_call_renders": True,
        "django_jinja2_backend_autoescape": True,
        "jinja_standalone_renders": True,
        "jinja_env_has_flask": False,
    }


def test_engine_figures_when_the_engines_behave_otherwise():
    figures = templates.engine_figures(
        probe_output(
            call_syntax={"dtl": "parsed", "jinja_output": "f(1)"},
            django_jinja2_backend={"output": "<script>alert(1)</script>"},
            standalone_jinja={"flask_found": True, "output": "Hello !"},
        )
    )
    assert not figures["dtl_call_syntax_error"]
    assert not figures["jinja_call_renders"]
    assert not figures["django_jinja2_backend_autoescape"]
    assert not figures["jinja_standalone_renders"]
    assert figures["jinja_env_has_flask"]
