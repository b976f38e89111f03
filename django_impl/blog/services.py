"""Blog logic apart from HTTP: slugs, tags, Markdown, filtered lists, comments, tag lists.

Twin: flask_impl/blog/rules.py, flask_impl/blog/queries.py, flask_impl/blog/writes.py
(unique_slug) and flask_impl/blog/rendering.py.
"""

import re
import secrets
from collections.abc import Iterable

from django.db.models import Count, Exists, OuterRef
from django.utils.text import slugify
from markdown_it import MarkdownIt

from accounts.models import User
from accounts.services import follows_author
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
    return normalize_tags(name for name in re.split(r"[\s,]+", text) if name)


def normalize_tags(names: Iterable[str]) -> list[str]:
    """Lowercase, drop duplicates keeping the first."""
    return list(dict.fromkeys(name.lower() for name in names))


def is_valid_tag(name: str) -> bool:
    return TAG_PATTERN.fullmatch(name) is not None


def filtered_feed(*, tag=None, author=None, favorited=None):
    """Articles narrowed by tag name, author's username and favoriting user's username, which
    combine; a name that matches nothing gives nothing."""
    articles = Article.objects.all()
    if tag:
        articles = articles.tagged(tag)
    if author:
        articles = articles.filter(author__username=author)
    if favorited:
        articles = articles.favorited_by_any(User.objects.filter(username=favorited))
    return articles


def comments_for(article, reader):
    """Newest first, each with its author joined and whether reader follows that author."""
    return article.comments.select_related("author").annotate(
        following=follows_author(reader, OuterRef("author"))
    )


def tags_in_use() -> list[str]:
    """The names of the tags that at least one article has, in name order.

    EXISTS stops at a tag's first article, so the cost follows the number of tags, not articles.
    """
    tagged = Article.tags.through.objects.filter(tag=OuterRef("pk"))
    return list(Tag.objects.filter(Exists(tagged)).values_list("name", flat=True))


def popular_tags():
    """The 20 tags with the most articles, ties by name."""
    return (
        Tag.objects.annotate(article_count=Count("articles"))
        .filter(article_count__gt=0)
        .order_by("-article_count", "name")[:POPULAR_TAGS]
    )
