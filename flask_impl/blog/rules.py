"""What the blog accepts and how it names things: lengths, tags, slugs.

Twin: django_impl/blog/services.py (its constants and tag rules) and Article's field lengths.
"""

import re
from collections.abc import Iterable

from slugify import slugify

SLUG_LENGTH = 100
TITLE_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 255
BODY_MAX_LENGTH = 20_000
COMMENT_MAX_LENGTH = 5_000
MAX_TAGS = 10
TAG_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


def base_slug(title: str) -> str:
    """python-slugify's slug of the title, cut to 100 characters; `article` if nothing is left."""
    return slugify(title)[:SLUG_LENGTH] or "article"


def parse_tags(text: str) -> list[str]:
    """Split at commas and white space, lowercase, drop duplicates keeping the first."""
    return normalize_tags(name for name in re.split(r"[\s,]+", text) if name)


def normalize_tags(names: Iterable[str]) -> list[str]:
    """Lowercase, drop duplicates keeping the first."""
    return list(dict.fromkeys(name.lower() for name in names))


def is_valid_tag(name: str) -> bool:
    return TAG_PATTERN.fullmatch(name) is not None
