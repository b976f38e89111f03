"""Tags, articles and comments. Twin: django_impl/blog/models.py."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, backref, column_property, mapped_column, relationship

from flask_impl.accounts.models import User
from flask_impl.database import utcnow
from flask_impl.extensions import db

article_tags = db.Table(
    "article_tags",
    Column("article_id", ForeignKey("article.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True, index=True),
)
article_favorites = db.Table(
    "article_favorites",
    Column("article_id", ForeignKey("article.id"), primary_key=True),
    Column("user_id", ForeignKey("user.id"), primary_key=True, index=True),
)


class Tag(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)

    def __repr__(self) -> str:
        return f"<Tag {self.name}>"


class Article(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(255), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(255))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    author_id: Mapped[int] = mapped_column(ForeignKey(User.id), index=True)

    author: Mapped[User] = relationship(backref=backref("articles", cascade="all, delete-orphan"))
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name)
    favorited_by: Mapped[list[User]] = relationship(
        secondary=article_favorites, backref="favorites"
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by=lambda: [Comment.created_at.desc(), Comment.id.desc()],
    )
    # A correlated subquery in the article's own SELECT: no extra query per listed article.
    favorites_count: Mapped[int] = column_property(
        select(func.count())
        .select_from(article_favorites)
        .where(article_favorites.c.article_id == id)
        .correlate_except(article_favorites)  # its own FROM even when the outer query joins it
        .scalar_subquery()
    )

    def __repr__(self) -> str:
        return f"<Article {self.slug}>"


class Comment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    article_id: Mapped[int] = mapped_column(ForeignKey(Article.id), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey(User.id), index=True)

    article: Mapped[Article] = relationship(back_populates="comments")
    author: Mapped[User] = relationship(backref=backref("comments", cascade="all, delete-orphan"))

    def __repr__(self) -> str:
        return f"<Comment {self.id}>"
