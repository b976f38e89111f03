"""Render the Django twin's pages signed out with Django's test Client and print them as JSON."""

# Run from django_impl/ in the bench-django environment, in the environment a Target of
# benchmarks.apps.catalogue.template_engines() gives (PYTHONPATH, SECRET_KEY, DATABASE_URL and the
# settings of one engine), with the paths to render as arguments:
#   .venv/bench-django/bin/python -m benchmarks.apps.django_variants.render_pages / /?page=2
# benchmarks/tests/test_apps_same_pages.py runs it so. For each path it prints the status, the
# body and the DTL templates the page rendered (Django's test instrumentation records DTL templates
# only, so a page rendered wholly by Jinja2 lists none).

import json
import sys

import django
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment


def render(paths: list[str]) -> list[dict]:
    django.setup()
    setup_test_environment()  # lets the Client's host in and records the templates rendered
    client = Client()
    pages = []
    for path in paths:
        response = client.get(path)
        pages.append(
            {
                "path": path,
                "status": response.status_code,
                "dtl_templates": [template.name for template in response.templates],
                "html": response.content.decode(response.charset or "utf-8"),
            }
        )
    return pages


def main(argv: list[str]) -> int:
    pages = render(argv)
    json.dump({"settings": settings.SETTINGS_MODULE, "pages": pages}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
