"""Blog logic apart from HTTP: slugs, tags, Markdown, feeds. Twin: django_impl/blog/services.py."""

import re
import secrets
import unicodedata
from collections.abc import Iterable

from markdown_it import MarkdownIt
from sqlalchemy import ColumnElement, Select, exists, false, func, select
from sqlalchemy.orm import joinedload, selectinload

from flask_impl.accounts.models import User, follows
from flask_impl.blog.models import Article, Comment, Tag, article_favorites, article_tags
from flask_impl.database import utcnow
from flask_impl.extensions import db

SLUG_LENGTH = 100
TITLE_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 255
BODY_MAX_LENGTH = 20_000
COMMENT_MAX_LENGTH = 5_000
MAX_TAGS = 10
TAG_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
POPULAR_TAGS = 20

# CommonMark with raw HTML off: HTML in a body is shown as text, and markdown-it's validateLink
# refuses javascript:, vbscript:, file: and data: links.
markdown = MarkdownIt("commonmark", {"html": False})


def render_markdown(text: str) -> str:
    return markdown.render(text)


def slugify(value: str) -> str:
    """Django's slugify: NFKD to ASCII, keep word characters, spaces and hyphens, join with -."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def unique_slug(title: str) -> str:
    """The title's slug, cut to 100 characters; taken slugs get 6 random hex digits added."""
    base = slugify(title)[:SLUG_LENGTH] or "article"
    slug = base
    while db.session.scalar(select(Article.id).where(Article.slug == slug)) is not None:
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


def tags_named(names: list[str]) -> list[Tag]:
    """The tags with these names, creating the ones that do not exist yet."""
    existing = {tag.name: tag for tag in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    return [existing.get(name) or Tag(name=name) for name in names]


def create_article(
    author: User, *, title: str, description: str, body: str, tags: list[str]
) -> Article:
    now = utcnow()
    article = Article(
        slug=unique_slug(title),
        title=title,
        description=description,
        body=body,
        author=author,
        tags=tags_named(tags),
        created_at=now,
        updated_at=now,
    )
    db.session.add(article)
    db.session.commit()
    return article


def update_article(
    article: Article, *, title: str, description: str, body: str, tags: list[str]
) -> None:
    """Save an edit; the slug stays the one made at creation."""
    article.title = title
    article.description = description
    article.body = body
    article.tags = tags_named(tags)
    article.updated_at = utcnow()
    db.session.commit()


def add_comment(article: Article, author: User, body: str) -> Comment:
    now = utcnow()
    comment = Comment(article=article, author=author, body=body, created_at=now, updated_at=now)
    db.session.add(comment)
    db.session.commit()
    return comment


def is_favorited(user: User, article: Article) -> bool:
    """Whether user has favorited article; never true for an anonymous visitor."""
    if not user.is_authenticated:
        return False
    link = select(article_favorites).where(
        article_favorites.c.article_id == article.id, article_favorites.c.user_id == user.id
    )
    return db.session.scalar(select(link.exists()))


def favorite(user: User, article: Article) -> None:
    if user not in article.favorited_by:
        article.favorited_by.append(user)
        db.session.commit()


def unfavorite(user: User, article: Article) -> None:
    if user in article.favorited_by:
        article.favorited_by.remove(user)
        db.session.commit()


def previews() -> Select[tuple[Article]]:
    """Articles newest first, with what a preview shows (author, tags in name order) loaded
    in a fixed number of queries."""
    return (
        select(Article)
        .options(joinedload(Article.author), selectinload(Article.tags))
        .order_by(Article.created_at.desc(), Article.id.desc())
    )


def global_feed() -> Select[tuple[Article]]:
    return previews()


def followed_feed(user: User) -> Select[tuple[Article]]:
    followed = select(follows.c.to_user_id).where(follows.c.from_user_id == user.id)
    return previews().where(Article.author_id.in_(followed))


def tag_feed(name: str) -> Select[tuple[Article]]:
    return previews().where(Article.tags.any(Tag.name == name))


def articles_by(author: User) -> Select[tuple[Article]]:
    return previews().where(Article.author_id == author.id)


def favorites_of(user: User) -> Select[tuple[Article]]:
    favorited = select(article_favorites.c.article_id).where(article_favorites.c.user_id == user.id)
    return previews().where(Article.id.in_(favorited))


def filtered_feed(
    *, tag: str | None = None, author: str | None = None, favorited: str | None = None
) -> Select[tuple[Article]]:
    """Previews narrowed by tag name, author's username and favoriting user's username, which
    combine; a name that matches nothing gives nothing."""
    query = previews()
    if tag:
        query = query.where(Article.tags.any(Tag.name == tag))
    if author:
        query = query.where(Article.author.has(User.username == author))
    if favorited:
        query = query.where(Article.favorited_by.any(User.username == favorited))
    return query


def count_of(query: Select[tuple[Article]]) -> Select[tuple[int]]:
    """How many articles the query gives in all: its FROM and WHERE alone, under count(*)."""
    return query.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)


def favorited_by_reader(reader: User | None) -> ColumnElement[bool]:
    """Whether reader has favorited the row's article: a column of the article query itself."""
    if reader is None:
        return false()
    return exists().where(
        article_favorites.c.article_id == Article.id, article_favorites.c.user_id == reader.id
    )


def reader_follows(reader: User | None, author_id: ColumnElement[int]) -> ColumnElement[bool]:
    """Whether reader follows the user with author_id: a column of the row's own query."""
    if reader is None:
        return false()
    return exists().where(follows.c.from_user_id == reader.id, follows.c.to_user_id == author_id)


def with_reader_flags(query: Select[tuple[Article]], reader: User | None) -> Select:
    """Rows of (article, favorited, following) for this reader, in the query's own SELECT."""
    return query.add_columns(favorited_by_reader(reader), reader_follows(reader, Article.author_id))


def comments_for(article: Article, reader: User | None) -> Select:
    """Rows of (comment, following) newest first, each with its author loaded."""
    return (
        select(Comment, reader_follows(reader, Comment.author_id))
        .where(Comment.article_id == article.id)
        .options(joinedload(Comment.author))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )


def tags_in_use() -> list[str]:
    """The names of the tags that at least one article has, in name order.

    EXISTS stops at a tag's first article, so the cost follows the number of tags, not articles.
    """
    tagged = select(article_tags.c.tag_id).where(article_tags.c.tag_id == Tag.id).exists()
    return list(db.session.scalars(select(Tag.name).where(tagged).order_by(Tag.name)))


def popular_tags() -> list[str]:
    """The names of the 20 tags with the most articles, ties by name."""
    article_count = func.count(article_tags.c.article_id)
    query = (
        select(Tag.name)
        .join(article_tags, article_tags.c.tag_id == Tag.id)
        .group_by(Tag.id, Tag.name)
        .order_by(article_count.desc(), Tag.name)
        .limit(POPULAR_TAGS)
    )
    return list(db.session.scalars(query))


def article_page(slug: str) -> Select[tuple[Article]]:
    """One article with its author, tags and comments (with their authors) loaded up front."""
    return (
        previews()
        .where(Article.slug == slug)
        .options(selectinload(Article.comments).joinedload(Comment.author))
    )
