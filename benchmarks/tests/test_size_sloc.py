"""Line counts by pygount: Python, Django and Jinja2 templates, CSS, YAML, and symbol ranges."""

import pytest

from benchmarks.size import package_lines
from benchmarks.size.sloc import analysis, file_lines, python_lines, range_lines, template_lines

PYTHON = '''"""Module docstring."""

# a comment
import os  # a comment after code

MIDDLEWARE = [
    "a.b.C",
    "d.e.F",
]


@decorated
def f(x):
    """Doc
    string."""
    if x:
        pass
    return os.sep
'''

DJANGO = """{% extends "base.html" %}
{# a template comment #}
{% block content %}
<!-- an HTML
comment -->
<ul class="tags">
  {% for tag in tags %}<li>{{ tag }}</li>{% endfor %}
</ul>

{% endblock %}
"""

JINJA = """{% extends "base.html" %}
{#- a Jinja2
    comment -#}
{% block content %}
{%- for tag in tags if tag %}
  <a href="{{ url_for('tag', name=tag) }}">{{ tag | e }}</a>
{%- endfor %}
{% endblock %}
"""


def test_python_counts_code_and_string_lines_but_no_docstring_comment_bracket_or_pass():
    # import, MIDDLEWARE = [, its two strings, @decorated, def, if, return
    assert python_lines(PYTHON) == 8
    assert analysis("views.py", PYTHON).language == "Python"


def test_django_template_loses_template_and_html_comments():
    # extends, block, <ul>, the for line, </ul>, endblock
    assert template_lines(DJANGO) == 6
    assert analysis("base.html", DJANGO).language == "HTML+Django/Jinja"


def test_jinja2_template_is_lexed_as_django_jinja_and_loses_its_comment():
    # extends, block, for, <a>, endfor, endblock
    assert file_lines("templates/tags.html", JINJA) == 6


def test_css_and_yaml_lose_their_comments():
    assert file_lines("site.css", "/* a\n comment */\nbody {\n  color: red;\n}\n") == 2
    assert file_lines("features.yaml", "# a comment\nfeature:\n  django: [a.py]\n\n") == 2


def test_a_symbol_range_counts_its_decorator_and_body_without_its_docstring():
    # @decorated, def, if, return (lines 12 to 18)
    assert range_lines("views.py", PYTHON, 12, 18) == 4


def test_a_file_without_a_lexer_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="no lexer chosen"):
        file_lines("notes.unknownsuffix", "text\n")


def test_installed_packages_are_counted_with_the_standard_library_alone():
    source = '"""Module."""\n\n# comment\ndef f():\n    """Doc\n    string."""\n    return 1  # x\n'
    assert package_lines.python_lines(source) == 2
