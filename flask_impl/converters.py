"""URL converters named after Django's path converters, which Django has built in. Twin: none."""

from werkzeug.routing import BaseConverter


class SlugConverter(BaseConverter):
    """Django's `slug`: ASCII letters, digits, hyphens and underscores."""

    regex = r"[-a-zA-Z0-9_]+"


class StrConverter(BaseConverter):
    """Django's `str` (anything but a slash), without NUL, which PostgreSQL cannot compare."""

    regex = r"[^/\x00]+"


CONVERTERS = {"slug": SlugConverter, "str": StrConverter}
