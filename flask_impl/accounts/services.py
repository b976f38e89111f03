"""Account rules apart from HTTP: credentials, unique names, settings, follows.

Twin: django_impl/accounts/services.py.
"""

import re
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select

from flask_impl.accounts.models import User, follows
from flask_impl.extensions import db

USERNAME_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
USERNAME_MAX_LENGTH = 40
EMAIL_MAX_LENGTH = 254
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 128
BIO_MAX_LENGTH = 1000
IMAGE_MAX_LENGTH = 500


class CannotFollowSelf(ValueError):
    """A user tried to follow or unfollow themselves."""


def normalize_email(value: str | None) -> str | None:
    """Emails are trimmed and lowercased before they are stored or looked up."""
    return value.strip().lower() if isinstance(value, str) else value


def is_valid_username(username: str) -> bool:
    return USERNAME_PATTERN.fullmatch(username) is not None


def is_valid_email(email: str) -> bool:
    """email_validator's check, as WTForms' Email() makes it: no DNS look-up."""
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def authenticate(email: str, password: str) -> User | None:
    """The active user with this (normalised) email and password, or None."""
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None or not user.is_active or not user.check_password(password):
        return None
    return user


def username_taken(username: str, exclude: User | None = None) -> bool:
    """Usernames are unique regardless of case: `Alice` is taken once `alice` exists."""
    query = select(User.id).where(func.lower(User.username) == username.lower())
    if exclude is not None:
        query = query.where(User.id != exclude.id)
    return db.session.scalar(query.limit(1)) is not None


def email_taken(email: str, exclude: User | None = None) -> bool:
    query = select(User.id).where(User.email == email)
    if exclude is not None:
        query = query.where(User.id != exclude.id)
    return db.session.scalar(query.limit(1)) is not None


def create_user(username: str, email: str, password: str) -> User:
    user = User(username=username, email=email)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def update_settings(
    user: User, *, image: str, username: str, bio: str, email: str, password: str
) -> None:
    """Save the settings form; empty bio or image are stored as NULL, an empty password
    keeps the current one."""
    user.image = image or None
    user.username = username
    user.bio = bio or None
    user.email = email
    if password:
        user.set_password(password)
    db.session.commit()


def is_following(user: User, profile: User) -> bool:
    """Whether user follows profile; never true for an anonymous visitor."""
    if not user.is_authenticated:
        return False
    link = select(follows).where(
        follows.c.from_user_id == user.id, follows.c.to_user_id == profile.id
    )
    return db.session.scalar(select(link.exists()))


def follow(user: User, profile: User) -> None:
    if user.id == profile.id:
        raise CannotFollowSelf(profile.username)
    if profile not in user.following:
        user.following.append(profile)
        db.session.commit()


def unfollow(user: User, profile: User) -> None:
    if user.id == profile.id:
        raise CannotFollowSelf(profile.username)
    if profile in user.following:
        user.following.remove(profile)
        db.session.commit()
