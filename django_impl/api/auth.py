"""The API's JWT: made for the user at sign-in, read back from the `Authorization` header.

HS256 with SECRET_KEY; the subject is the user's id, so a new username or email keeps the token
valid. The session cookie plays no part: the API views set `request.user` from the token alone.
Twin: flask_impl/api/auth.py.
"""

import re
from datetime import timedelta
from functools import wraps

import jwt
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User
from api.errors import refusal

ALGORITHM = "HS256"
LIFETIME = timedelta(days=7)
SCHEMES = {"token", "bearer"}  # auth schemes are case-insensitive (RFC 9110)
USER_ID = re.compile(r"[0-9]{1,19}")
# Who made the token and for whom: a token another site signed (the other twin, even with the
# same key) names another issuer and audience, so this API refuses it.
ISSUER = "conduit-django"
AUDIENCE = "conduit-django-api"


def make_token(user: User) -> str:
    now = timezone.now()
    claims = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": str(user.pk),
        "iat": now,
        "exp": now + LIFETIME,
    }
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=ALGORITHM)


def user_from_token(token: str) -> User | None:
    """The active user the token names, or None if it is not a valid, unexpired token of ours."""
    try:
        claims = jwt.decode(
            token,
            settings.SECRET_KEY,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            audience=AUDIENCE,
            options={"require": ["iss", "aud", "sub", "iat", "exp"]},
        )
    except jwt.InvalidTokenError:
        return None
    if not USER_ID.fullmatch(claims["sub"]):
        return None
    return User.objects.filter(pk=int(claims["sub"]), is_active=True).first()


def caller(request) -> User | AnonymousUser:
    """Who sends the request: anonymous without an `Authorization` header; a bad one is a 401."""
    header = request.headers.get("Authorization")
    if header is None:
        return AnonymousUser()
    parts = header.split()
    user = None
    if len(parts) == 2 and parts[0].lower() in SCHEMES:
        user = user_from_token(parts[1])
    if user is None:
        raise refusal(401, "token", "is invalid")
    return user


def token_required(handler):
    """An ApiView handler that needs a user: no token is a 401."""

    @wraps(handler)
    def with_user(view, request, *args, **kwargs):
        request.user = caller(request)
        if not request.user.is_authenticated:
            raise refusal(401, "token", "is missing")
        return handler(view, request, *args, **kwargs)

    return with_user


def token_optional(handler):
    """An ApiView handler that serves anyone: no token means anonymous."""

    @wraps(handler)
    def with_caller(view, request, *args, **kwargs):
        request.user = caller(request)
        return handler(view, request, *args, **kwargs)

    return with_caller
