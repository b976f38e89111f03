"""The JSON API blueprint, the RealWorld Conduit API under /api; its routes are in users.py
and articles.py.

Twin: django_impl/api/apps.py and urls.py.
"""

from flask import Blueprint
from werkzeug.routing import BaseConverter


class ArticleSlugConverter(BaseConverter):
    """An article's slug as the last segment of `/api/articles/<slug>`: any segment but `feed`,
    so that `/api/articles/feed` is the feed alone, for every method (a PUT there is a 405, and
    its `Allow` lists only the feed's methods)."""

    regex = r"(?!feed$)[^/]+"


class ApiBlueprint(Blueprint):
    """Every API path is served with or without a trailing slash and never redirected (a
    client's POST would not survive it): a doubled slash is not merged, it names no path."""

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        options.setdefault("strict_slashes", False)
        options.setdefault("merge_slashes", False)
        super().add_url_rule(rule, endpoint, view_func, **options)


bp = ApiBlueprint("api", __name__, url_prefix="/api")

from flask_impl.api import articles, errors, users  # noqa: E402, F401  (registers routes on bp)
