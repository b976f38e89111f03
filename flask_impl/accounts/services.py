"""Account rules apart from HTTP: credentials, unique names, settings, follows.

The writes change the session and never commit: the view that calls them commits (as in
flask_impl/blog/writes.py). Twin: django_impl/accounts/services.py.
"""

import re
from urllib.parse import urlsplit

import validators
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import BigInteger, Select, delete, func, insert, literal, select
from werkzeug.security import generate_password_hash

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
    """An http or https URL that the `validators` package finds well formed: quotes, spaces or
    markup in the host, a bad port or a space anywhere are refused; a bare query (`?v2`) is not."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return scheme in {"http", "https"} and validators.url(url, strict_query=False) is True


def authenticate(email: str, password: str) -> User | None:
    """The active user with this (normalised) email and password, or None.

    An unknown email costs a password hash too, so the time taken tells no one which emails
    have an account.
    """
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        generate_password_hash(password)
        return None
    if not user.check_password(password) or not user.is_active:
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


def follow_link(user: User, profile: User) -> Select:
    """The row of the follows table that says user follows profile."""
    return select(follows).where(
        follows.c.from_user_id == user.id, follows.c.to_user_id == profile.id
    )


def is_following(user: User, profile: User) -> bool:
    """Whether user follows profile; never true for an anonymous visitor."""
    if not user.is_authenticated:
        return False
    return db.session.scalar(select(follow_link(user, profile).exists()))


def follow(user: User, profile: User) -> None:
    """One statement, whatever the number of follows: the link is added unless it exists."""
    if user.id == profile.id:
        raise CannotFollowSelf(profile.username)
    link = select(literal(user.id, BigInteger), literal(profile.id, BigInteger)).where(
        ~follow_link(user, profile).exists()
    )
    db.session.execute(insert(follows).from_select(["from_user_id", "to_user_id"], link))


def unfollow(user: User, profile: User) -> None:
    if user.id == profile.id:
        raise CannotFollowSelf(profile.username)
    db.session.execute(
        delete(follows).where(follows.c.from_user_id == user.id, follows.c.to_user_id == profile.id)
    )
