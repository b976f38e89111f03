"""Run inside an environment of Django and Jinja2 (no Flask): one template text in both engines."""

#     <env>/bin/python engines.py        (standard library, Django and Jinja2 only; prints JSON)
#
# Each template of the shared subset is one source text, rendered by Django's own engine
# (django.template.Engine) and by a jinja2.Environment with its default options, from the same
# context. The raw outputs are printed; experiments/templates.py compares them.

import importlib.util
import json
import platform

import django
import jinja2
from django.conf import settings

settings.configure()
django.setup()

from django.template import Context, Engine, TemplateSyntaxError  # noqa: E402 - after settings
from django.template.backends.jinja2 import Jinja2  # noqa: E402

BASE = "<title>{% block title %}Default{% endblock %}</title>{% block body %}{% endblock %}"
SHARED_SUBSET = {
    "variable": "Hello {{ name }}!",
    "attribute_lookup": "{{ user.name }} wrote {{ user.posts }} posts",
    "key_lookup": "Alice scored {{ scores.alice }}",
    "missing_variable": "[{{ nothing }}]",
    "upper_filter": "{{ name|upper }}",
    "chained_filters": "{{ name|lower|upper }}",
    "for_loop": "<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>",
    "if_else": "{% if count > 1 %}many{% else %}one{% endif %}",
    "if_and_not": "{% if items and not nothing %}listed{% endif %}",
    "nested_for_if": "{% for n in numbers %}{% if n > 2 %}{{ n }} {% endif %}{% endfor %}",
    "extends_block": '{% extends "base.html" %}{% block title %}Child{% endblock %}'
    "{% block body %}<main>{{ name }}</main>{% endblock %}",
    "multiline_for": "<ul>\n{% for item in items %}\n  <li>{{ item }}</li>\n{% endfor %}\n</ul>\n",
    "variable_with_markup": "<p>{{ markup }}</p>",
}
CONTEXT = {
    "name": "Ada",
    "user": {"name": "Grace", "posts": 3},
    "scores": {"alice": 10},
    "items": ["tea", "milk"],
    "numbers": [1, 2, 3, 4],
    "count": 2,
    "markup": "<b>bold</b>",
}
SCRIPT = "<script>alert(1)</script>"


def shared_subset() -> dict:
    sources = {"base.html": BASE, **SHARED_SUBSET}
    dtl = Engine(loaders=[("django.template.loaders.locmem.Loader", sources)])
    jinja = jinja2.Environment(loader=jinja2.DictLoader(sources))
    outputs = {}
    for name in SHARED_SUBSET:
        outputs[name] = {
            "dtl": dtl.get_template(name).render(Context(CONTEXT)),
            "jinja": jinja.get_template(name).render(CONTEXT),
        }
    return outputs


def call_syntax() -> dict:
    """`{{ f(1) }}`: does DTL refuse it at parse time, and does Jinja render it?"""
    source = "{{ f(1) }}"
    try:
        Engine().from_string(source)
        dtl = "parsed"
    except TemplateSyntaxError:
        dtl = "TemplateSyntaxError"
    output = jinja2.Environment().from_string(source).render(f=lambda number: number + 1)
    return {"dtl": dtl, "jinja_output": output, "jinja_expected": str(1 + 1)}


def django_jinja2_backend() -> dict:
    """Django's Jinja2 backend with default options renders <script> from the context."""
    backend = Jinja2({"NAME": "jinja2", "DIRS": [], "APP_DIRS": False, "OPTIONS": {}})
    output = backend.from_string("{{ value }}").render({"value": SCRIPT})
    return {"output": output, "autoescape": backend.env.autoescape}


def standalone_jinja() -> dict:
    environment = jinja2.Environment(loader=jinja2.DictLoader({"page.txt": "Hello {{ name }}!"}))
    output = environment.get_template("page.txt").render(name=CONTEXT["name"])
    return {
        "flask_found": importlib.util.find_spec("flask") is not None,
        "output": output,
        "expected": f"Hello {CONTEXT['name']}!",
    }


def main() -> None:
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "django": django.get_version(),
                "jinja2": jinja2.__version__,
                "shared_subset": shared_subset(),
                "sources": SHARED_SUBSET,
                "call_syntax": call_syntax(),
                "django_jinja2_backend": django_jinja2_backend(),
                "standalone_jinja": standalone_jinja(),
            }
        )
    )


if __name__ == "__main__":
    main()
