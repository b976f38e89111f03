"""The blog's reads: feeds, the reader's flags, comments, tags. Statements to execute, or, for the
few answers of one value, the answer itself. Twin: django_impl/blog/models.py (ArticleQuerySet).
"""

from sqlalchemy import ColumnElement, Select, exists, false, func, select
from sqlalchemy.orm import joinedload, selectinload

from flask_impl.accounts.models import User, follows
from flask_impl.blog.models import Article, Comment, Tag, article_favorites, article_tags
from flask_impl.extensions import db

POPULAR_TAGS = 20


def previews() -> Select[tuple[Article]]:
    """Articles newest first, with what a preview shows (author, tags in name order) loaded
    in a fixed number of queries."""
    return (
        select(Article)
        .options(joinedload(Article.author), selectinload(Article.tags))
        .order_by(Article.created_at.desc(), Article.id.desc())
    )


def followed_feed(user: User) -> Select[tuple[Article]]:
    followed = select(follows.c.to_user_id).where(follows.c.from_user_id == user.id)
    return previews().where(Article.author_id.in_(followed))


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


def article_page(slug: str) -> Select[tuple[Article]]:
    """One article with its author, tags and comments (with their authors) loaded up front."""
    return (
        previews()
        .where(Article.slug == slug)
        .options(selectinload(Article.comments).joinedload(Comment.author))
    )


def count_of(query: Select[tuple[Article]]) -> Select[tuple[int]]:
    """How many articles the query gives in all: its FROM and WHERE alone, under count(*)."""
    return query.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)


def favorite_link(user: User, article: Article) -> Select:
    """The row of the favorites table that says user has favorited article."""
    return select(article_favorites).where(
        article_favorites.c.article_id == article.id, article_favorites.c.user_id == user.id
    )


def is_favorited(user: User, article: Article) -> bool:
    """Whether user has favorited article; never true for an anonymous visitor."""
    if not user.is_authenticated:
        return False
    return db.session.scalar(select(favorite_link(user, article).exists()))


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
