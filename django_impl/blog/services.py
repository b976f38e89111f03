"""Blog logic apart from HTTP: slugs, tags, Markdown, feeds. Twin: flask_impl/blog/services.py."""

import re
import secrets

from django.db.models import Count
from django.utils.text import slugify
from markdown_it import MarkdownIt

from blog.models import Article, Tag

SLUG_LENGTH = 100
MAX_TAGS = 10
TAG_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
POPULAR_TAGS = 20

# CommonMark with raw HTML off: HTML in a body is shown as text, and markdown-it's validateLink
# refuses javascript:, vbscript:, file: and data: links.
markdown = MarkdownIt("commonmark", {"html": False})


def render_markdown(text: str) -> str:
    return markdown.render(text)


def unique_slug(title: str) -> str:
    """The title's slug, cut to 100 characters; taken slugs get 6 random hex digits added."""
    base = slugify(title)[:SLUG_LENGTH] or "article"
    slug = base
    while Article.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


def parse_tags(text: str) -> list[str]:
    """Split at commas and white space, lowercase, drop duplicates keeping the first."""
    names = (name for name in re.split(r"[\s,]+", text.lower()) if name)
    return list(dict.fromkeys(names))


def is_valid_tag(name: str) -> bool:
    return TAG_PATTERN.fullmatch(name) is not None


def set_tags(article: Article, names: list[str]) -> None:
    article.tags.set([Tag.objects.get_or_create(name=name)[0] for name in names])


def global_feed():
    return Article.objects.previews()


def followed_feed(user):
    return Article.objects.feed_for(user).previews()


def tag_feed(name: str):
    return Article.objects.tagged(name).previews()


def articles_by(author):
    return Article.objects.filter(author=author).previews()


def favorites_of(user):
    return Article.objects.filter(favorited_by=user).previews()


def popular_tags():
    """The 20 tags with the most articles, ties by name."""
    return (
        Tag.objects.annotate(article_count=Count("articles"))
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")[:POPULAR_TAGS]
    )
