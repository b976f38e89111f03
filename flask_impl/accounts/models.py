"""The user and who follows whom. Twin: django_impl/accounts/models.py."""

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from flask_impl.database import BIG_ID, link_table, utcnow
from flask_impl.extensions import db, login_manager

if TYPE_CHECKING:
    from flask_impl.blog.models import Article, Comment

follows = link_table(
    "accounts_user_following",
    ("from_user_id", "accounts_user.id"),
    ("to_user_id", "accounts_user.id"),
)


class User(UserMixin, db.Model):
    __tablename__ = "accounts_user"

    id: Mapped[int] = mapped_column(BIG_ID, primary_key=True)
    password: Mapped[str] = mapped_column(String(255))
    last_login: Mapped[datetime | None]
    username: Mapped[str] = mapped_column(String(40), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    bio: Mapped[str | None] = mapped_column(Text)
    image: Mapped[str | None] = mapped_column(String(500))
    is_active: Mapped[bool] = mapped_column(default=True)
    is_staff: Mapped[bool] = mapped_column(default=False)
    date_joined: Mapped[datetime] = mapped_column(default=utcnow)

    following: Mapped[list["User"]] = relationship(
        secondary=follows,
        primaryjoin=follows.c.from_user_id == id,
        secondaryjoin=follows.c.to_user_id == id,
        back_populates="followers",
    )
    followers: Mapped[list["User"]] = relationship(
        secondary=follows,
        primaryjoin=follows.c.to_user_id == id,
        secondaryjoin=follows.c.from_user_id == id,
        back_populates="following",
    )
    favorites: Mapped[list["Article"]] = relationship(
        secondary="blog_article_favorited_by", back_populates="favorited_by"
    )
    articles: Mapped[list["Article"]] = relationship(
        back_populates="author", cascade="all, delete-orphan"
    )
    comments: Mapped[list["Comment"]] = relationship(
        back_populates="author", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<User {self.username}>"

    def set_password(self, password: str) -> None:
        self.password = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password, password)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))
