"""The Django twin with its home page (and tag pages) rendered by Django's Jinja2 backend.

The Jinja2 engine comes first and holds only blog/home.html and what it includes, so every other
template is still found by the twin's Django template engine.
"""

from pathlib import Path

from config.settings import *  # noqa: F403
from config.settings import TEMPLATES as TWIN_TEMPLATES

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [Path(__file__).resolve().parent / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "benchmarks.apps.django_variants.jinja2_environment.environment",
            "context_processors": TWIN_TEMPLATES[0]["OPTIONS"]["context_processors"],
        },
    },
    *TWIN_TEMPLATES,
]
