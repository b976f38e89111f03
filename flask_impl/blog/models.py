"""Tags, articles and comments. Twin: django_impl/blog/models.py."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from flask_impl.accounts.models import User
from flask_impl.database import BIG_ID, link_table, utcnow
from flask_impl.extensions import db

article_tags = link_table(
    "blog_article_tags", ("article_id", "blog_article.id"), ("tag_id", "blog_tag.id")
)
article_favorites = link_table(
    "blog_article_favorited_by", ("article_id", "blog_article.id"), ("user_id", "accounts_user.id")
)


class Tag(db.Model):
    __tablename__ = "blog_tag"

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)

    def __repr__(self) -> str:
        return f"<Tag {self.name}>"


class Article(db.Model):
    __tablename__ = "blog_article"

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    slug: Mapped[str] = mapped_column(String(255), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(255))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    author_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("accounts_user.id"), index=True)

    author: Mapped[User] = relationship(back_populates="articles")
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name)
    favorited_by: Mapped[list[User]] = relationship(
        secondary=article_favorites, back_populates="favorites"
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by=lambda: [Comment.created_at.desc(), Comment.id.desc()],
    )
    # A correlated subquery in the article's own SELECT: no extra query per listed article.
    favorites_count: Mapped[int] = column_property(
        select(func.count(article_favorites.c.id))
        .where(article_favorites.c.article_id == id)
        .scalar_subquery()
    )

    def __repr__(self) -> str:
        return f"<Article {self.slug}>"


class Comment(db.Model):
    __tablename__ = "blog_comment"

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    article_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("blog_article.id"), index=True)
    author_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("accounts_user.id"), index=True)

    article: Mapped[Article] = relationship(back_populates="comments")
    author: Mapped[User] = relationship(back_populates="comments")

    def __repr__(self) -> str:
        return f"<Comment {self.id}>"
