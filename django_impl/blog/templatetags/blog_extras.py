"""The `markdown` filter for article bodies. Twin: the `markdown` Jinja filter in flask_impl."""

from django import template
from django.utils.safestring import mark_safe

from blog.services import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Safe to mark: markdown-it escapes raw HTML and refuses script links (see services)."""
    return mark_safe(render_markdown(text))
