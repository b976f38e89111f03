"""The blog's writes: articles with their slug and tags, comments, favorites.

One unit of work a request: these functions change the session and never commit; the view that
calls them commits once at the end, so a request's writes are saved together or not at all.
Twin: django_impl/blog/forms.py (ArticleForm.save) and the views' ORM calls.
"""

import secrets

from sqlalchemy import BigInteger, delete, insert, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from flask_impl.accounts.models import User
from flask_impl.blog.models import Article, Comment, Tag, article_favorites
from flask_impl.blog.queries import favorite_link
from flask_impl.blog.rules import base_slug
from flask_impl.database import utcnow
from flask_impl.extensions import db


def unique_slug(title: str) -> str:
    """The title's slug; a taken slug gets 6 random hex digits added."""
    base = slug = base_slug(title)
    while db.session.scalar(select(Article.id).where(Article.slug == slug)) is not None:
        slug = f"{base}-{secrets.token_hex(3)}"
    return slug


UPSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def tags_named(names: list[str]) -> list[Tag]:
    """The tags with these names, creating the ones that do not exist yet: INSERT ... ON
    CONFLICT DO NOTHING, so a tag a concurrent request creates first is the one both use."""
    existing = {tag.name: tag for tag in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    missing = [name for name in names if name not in existing]
    if missing:
        upsert = UPSERTS[db.session.get_bind().dialect.name](Tag)
        rows = [{"name": name} for name in missing]
        db.session.execute(upsert.values(rows).on_conflict_do_nothing(index_elements=["name"]))
        created = db.session.scalars(select(Tag).where(Tag.name.in_(missing)))
        existing.update((tag.name, tag) for tag in created)
    return [existing[name] for name in names]


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
    while True:
        try:
            with db.session.begin_nested():  # a SAVEPOINT: a lost race undoes this row alone
                db.session.add(article)
            return article
        except IntegrityError:  # a concurrent create took the slug after unique_slug looked
            if db.session.scalar(select(Article.id).where(Article.slug == article.slug)) is None:
                raise
            article.slug = unique_slug(title)


def update_article(
    article: Article, *, title: str, description: str, body: str, tags: list[str]
) -> None:
    """An edit; the slug stays the one made at creation."""
    article.title = title
    article.description = description
    article.body = body
    article.tags = tags_named(tags)
    article.updated_at = utcnow()


def add_comment(article: Article, author: User, body: str) -> Comment:
    now = utcnow()
    comment = Comment(article=article, author=author, body=body, created_at=now, updated_at=now)
    db.session.add(comment)
    return comment


def favorite(user: User, article: Article) -> None:
    """One statement, whatever the number of favorites: the link is added unless it exists."""
    link = select(literal(article.id, BigInteger), literal(user.id, BigInteger)).where(
        ~favorite_link(user, article).exists()
    )
    db.session.execute(insert(article_favorites).from_select(["article_id", "user_id"], link))


def unfavorite(user: User, article: Article) -> None:
    db.session.execute(
        delete(article_favorites).where(
            article_favorites.c.article_id == article.id, article_favorites.c.user_id == user.id
        )
    )
