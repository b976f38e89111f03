"""The API's JWT: made for the user at sign-in, read back from the `Authorization` header.

HS256 with the app's SECRET_KEY; the subject is the user's id, so a new username or email keeps
the token valid. The session cookie plays no part: the caller is in `g.user`, never
Flask-Login's `current_user`. Twin: django_impl/api/auth.py.
"""

import re
from collections.abc import Callable
from datetime import timedelta
from functools import wraps

import jwt
from flask import current_app, g, request

from flask_impl.accounts.models import User
from flask_impl.api.errors import refusal
from flask_impl.database import MAX_ID, utcnow
from flask_impl.extensions import db

ALGORITHM = "HS256"
LIFETIME = timedelta(days=7)
SCHEMES = {"token", "bearer"}  # auth schemes are case-insensitive (RFC 9110)
USER_ID = re.compile(r"[0-9]{1,19}")
# Who made the token and for whom: a token another site signed (the other twin, even with the
# same key) names another issuer and audience, so this API refuses it.
ISSUER = "conduit-flask"
AUDIENCE = "conduit-flask-api"


def make_token(user: User) -> str:
    now = utcnow()
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": str(user.id),
        "iat": now,
        "exp": now + LIFETIME,
    }
    return jwt.encode(claims, current_app.config["SECRET_KEY"], algorithm=ALGORITHM)


def user_from_token(token: str) -> User | None:
    """The active user the token names, or None if it is not a valid, unexpired token of ours."""
    try:
        claims = jwt.decode(
            token,
            current_app.config["SECRET_KEY"],
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            audience=AUDIENCE,
            options={"require": ["iss", "aud", "sub", "iat", "exp"]},
        )
    except jwt.InvalidTokenError:
        return None
    if not USER_ID.fullmatch(claims["sub"]) or int(claims["sub"]) > MAX_ID:
        return None
    user = db.session.get(User, int(claims["sub"]))
    return user if user is not None and user.is_active else None


def caller() -> User | None:
    """Who sends the request: None without an `Authorization` header; a bad one is a 401."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    parts = header.split()
    user = None
    if len(parts) == 2 and parts[0].lower() in SCHEMES:
        user = user_from_token(parts[1])
    if user is None:
        raise refusal(401, "token", "is invalid")
    return user


def token_required(view: Callable) -> Callable:
    """The view needs a user: no token is a 401."""

    @wraps(view)
    def with_user(**kwargs):
        g.user = caller()
        if g.user is None:
            raise refusal(401, "token", "is missing")
        return view(**kwargs)

    return with_user


def token_optional(view: Callable) -> Callable:
    """The view serves anyone: no token means anonymous (`g.user` is None)."""

    @wraps(view)
    def with_caller(**kwargs):
        g.user = caller()
        return view(**kwargs)

    return with_caller
