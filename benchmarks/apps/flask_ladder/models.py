"""The ladder's models from the Flask twin's schema, only the columns the page shows."""

from datetime import datetime

from flask_login import UserMixin
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

db = SQLAlchemy()

article_tags = db.Table(
    "article_tags",
    db.Column("article_id", db.ForeignKey("article.id"), primary_key=True),
    db.Column("tag_id", db.ForeignKey("tag.id"), primary_key=True),
)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str]
    is_active: Mapped[bool]


class Tag(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class Article(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str]
    title: Mapped[str]
    created_at: Mapped[datetime]
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))

    author: Mapped[User] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name)
