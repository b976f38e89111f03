"""URL converters: Django's built-in path converters by their names, and the API's slug.

Twin: none (Django has the first built in; its API routes list `articles/feed` first).
"""

from werkzeug.routing import BaseConverter


class SlugConverter(BaseConverter):
    """Django's `slug`: ASCII letters, digits, hyphens and underscores."""

    regex = r"[-a-zA-Z0-9_]+"


class StrConverter(BaseConverter):
    """Django's `str` (anything but a slash), without NUL, which PostgreSQL cannot compare."""

    regex = r"[^/\x00]+"


class ArticleSlugConverter(BaseConverter):
    """Any path segment but `feed`: `/api/articles/feed` is the feed, for every method, as in
    Django, whose first matching route wins (so `PUT /api/articles/feed` is a 405)."""

    regex = r"(?!feed$)[^/]+"


CONVERTERS = {"slug": SlugConverter, "str": StrConverter, "article_slug": ArticleSlugConverter}
