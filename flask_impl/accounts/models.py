"""The user and who follows whom. Twin: django_impl/accounts/models.py."""

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Column, ForeignKey, Index, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from flask_impl.database import utcnow
from flask_impl.extensions import db, login_manager


def new_session_token() -> str:
    return secrets.token_hex(16)


follows = db.Table(
    "follows",
    Column("from_user_id", ForeignKey("user.id"), primary_key=True),
    Column("to_user_id", ForeignKey("user.id"), primary_key=True, index=True),
)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Werkzeug's default scrypt hash, "scrypt:32768:8:1$<salt>$<hash>", is 162 characters.
    password: Mapped[str] = mapped_column(String(162))
    username: Mapped[str] = mapped_column(String(40), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    bio: Mapped[str | None] = mapped_column(Text)
    image: Mapped[str | None] = mapped_column(String(500))
    is_active: Mapped[bool] = mapped_column(default=True)
    date_joined: Mapped[datetime] = mapped_column(default=utcnow)
    # Flask-Login's alternative token: sessions hold it instead of the id, so a new token ends
    # every session that holds the old one, copied cookies included.
    session_token: Mapped[str] = mapped_column(String(32), unique=True, default=new_session_token)

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

    def __repr__(self) -> str:
        return f"<User {self.username}>"

    def get_id(self) -> str:
        return self.session_token

    def end_sessions(self) -> None:
        """Sign this user out everywhere: no session's token matches any more."""
        self.session_token = new_session_token()

    def set_password(self, password: str) -> None:
        """A new password ends every session; the view signs the current one in again."""
        self.password = generate_password_hash(password)
        self.end_sessions()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password, password)


# One username in any case: "Ada" and "ada" cannot both sign up, even in a race.
Index("uq_user_lower_username", func.lower(User.username), unique=True)


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    return db.session.scalar(select(User).where(User.session_token == session_token))
