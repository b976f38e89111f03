"""The Jinja2 environment for Django's Jinja2 backend: url, static, gettext and the date filter."""

from django.template.defaultfilters import date
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment


def environment(**options):
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update(
        {"static": static, "url": reverse, "get_current_language": translation.get_language}
    )
    # Django's own filter; with TIME_ZONE = "UTC" the stored time is already the local time.
    env.filters["date"] = date
    return env
