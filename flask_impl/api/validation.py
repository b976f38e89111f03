"""Reading API input: the JSON body, the fields of each request, paging, taken names; the
messages of api.md.

The field rules are the pages' own (accounts and blog services), so the two cannot drift.
Twin: django_impl/api/validation.py.
"""

import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from typing import Any

from flask import request
from sqlalchemy.exc import IntegrityError

from flask_impl.accounts import services as accounts
from flask_impl.accounts.models import User
from flask_impl.api.errors import ApiError
from flask_impl.blog import services as blog
from flask_impl.extensions import db

BLANK = "can't be blank"
INVALID = "is invalid"
NOT_A_STRING = "must be a string"
NOT_A_TAG_LIST = "must be a list of strings"
NOT_AN_OBJECT = "must be a JSON object"
TAKEN = "has already been taken"
DIGITS = re.compile(r"[0-9]{1,10}")
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
PAGING = {"limit": (20, 1, 100), "offset": (0, 0, 2_147_483_647)}  # default, minimum, maximum

Rule = Callable[[Any], Any]


class FieldError(ValueError):
    """One field's value is refused; its args are the messages the API answers."""


def storable(value: str) -> bool:
    """Text every database can store and compare: no NUL, no unpaired surrogate."""
    return UNSTORABLE.search(value) is None


def text(value: Any, *, max_length: int | None = None, strip: bool = True) -> str:
    """A string that is not blank, storable and not over max_length characters."""
    if value is None:
        raise FieldError(BLANK)
    if not isinstance(value, str):
        raise FieldError(NOT_A_STRING)
    if not storable(value):
        raise FieldError(INVALID)
    value = value.strip() if strip else value
    if not value:
        raise FieldError(BLANK)
    if max_length is not None and len(value) > max_length:
        raise FieldError(f"is too long (maximum is {max_length} characters)")
    return value


def optional_text(value: Any, *, max_length: int) -> str | None:
    """Like text, but null and blank are stored as NULL (bio, image)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return text(value, max_length=max_length)


def username(value: Any) -> str:
    value = text(value, max_length=accounts.USERNAME_MAX_LENGTH)
    if not accounts.is_valid_username(value):
        raise FieldError(INVALID)
    return value


def email(value: Any) -> str:
    value = text(accounts.normalize_email(value), max_length=accounts.EMAIL_MAX_LENGTH)
    if not accounts.is_valid_email(value):
        raise FieldError(INVALID)
    return value


def password(value: Any) -> str:
    value = text(value, max_length=accounts.PASSWORD_MAX_LENGTH, strip=False)
    if len(value) < accounts.PASSWORD_MIN_LENGTH:
        raise FieldError(f"is too short (minimum is {accounts.PASSWORD_MIN_LENGTH} characters)")
    return value


def image(value: Any) -> str | None:
    value = optional_text(value, max_length=accounts.IMAGE_MAX_LENGTH)
    if value is not None and not accounts.is_http_url(value):
        raise FieldError(INVALID)
    return value


def tag_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise FieldError(NOT_A_TAG_LIST)
    names = blog.normalize_tags(value)
    messages = []
    if not all(blog.is_valid_tag(name) for name in names):
        messages.append(INVALID)
    if len(names) > blog.MAX_TAGS:
        messages.append(f"is too long (maximum is {blog.MAX_TAGS} tags)")
    if messages:
        raise FieldError(*messages)
    return names


USER = {"username": username, "email": email, "password": password}
USER_CHANGES = {
    **USER,
    "bio": partial(optional_text, max_length=accounts.BIO_MAX_LENGTH),
    "image": image,
}
LOGIN = {"email": email, "password": partial(text, strip=False)}
ARTICLE = {
    "title": partial(text, max_length=blog.TITLE_MAX_LENGTH),
    "description": partial(text, max_length=blog.DESCRIPTION_MAX_LENGTH),
    "body": partial(text, max_length=blog.BODY_MAX_LENGTH),
    "tagList": tag_list,
}
COMMENT = {"body": partial(text, max_length=blog.COMMENT_MAX_LENGTH)}


def json_object() -> dict[str, Any]:
    """The request body as a JSON object; the body is read as UTF-8 whatever its Content-Type.

    Werkzeug refuses (413) a Content-Length over MAX_CONTENT_LENGTH before reading anything;
    a chunked body is cut at that length, so reading on past the cut raises the same 413.
    """
    body = request.get_data()
    if request.content_length is None:
        request.stream.read(1)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise ApiError(422, {"request": [NOT_AN_OBJECT]})
    return data


def wrapped(wrapper: str) -> dict[str, Any]:
    """The object under `wrapper` (`user`, `article`, `comment`) in the JSON body."""
    fields = json_object().get(wrapper)
    if not isinstance(fields, dict):
        raise ApiError(422, {wrapper: [BLANK]})
    return fields


def checked(wrapper: str, rules: Mapping[str, Rule], required: tuple[str, ...] = ()) -> dict:
    """The wrapper's fields that rules name, each cleaned by its rule; absent ones are left out
    unless required. Every refused field is listed in one 422."""
    fields = wrapped(wrapper)
    cleaned, errors = {}, {}
    for name, rule in rules.items():
        if name not in fields and name not in required:
            continue
        try:
            cleaned[name] = rule(fields.get(name))
        except FieldError as error:
            errors[name] = list(error.args)
    if errors:
        raise ApiError(422, errors)
    return cleaned


def new_user() -> dict[str, str]:
    return checked("user", USER, required=tuple(USER))


def user_changes() -> dict[str, str | None]:
    return checked("user", USER_CHANGES)


def credentials() -> dict[str, str]:
    return checked("user", LOGIN, required=tuple(LOGIN))


def new_article() -> dict[str, Any]:
    return checked("article", ARTICLE, required=("title", "description", "body"))


def article_changes() -> dict[str, Any]:
    return checked("article", ARTICLE)


def new_comment() -> dict[str, str]:
    return checked("comment", COMMENT, required=("body",))


def paging() -> tuple[int, int]:
    """`limit` and `offset` from the query string: digits only, within their bounds."""
    values, errors = {}, {}
    for name, (default, low, high) in PAGING.items():
        raw = request.args.get(name)
        if raw is None:
            values[name] = default
        elif DIGITS.fullmatch(raw) and low <= int(raw) <= high:
            values[name] = int(raw)
        else:
            errors[name] = [f"must be an integer from {low} to {high}"]
    if errors:
        raise ApiError(422, errors)
    return values["limit"], values["offset"]


def list_filters() -> dict[str, str]:
    """The `tag`, `author` and `favorited` filters given (an empty one filters nothing)."""
    filters = {name: request.args.get(name, "") for name in ("tag", "author", "favorited")}
    errors = {name: [INVALID] for name, value in filters.items() if not storable(value)}
    if errors:
        raise ApiError(422, errors)
    return {name: value for name, value in filters.items() if value}


def refuse_taken(username: str | None, email: str | None, exclude: User | None = None) -> None:
    """409 for a username (in any case) or email another user has."""
    errors = {}
    if username is not None and accounts.username_taken(username, exclude=exclude):
        errors["username"] = [TAKEN]
    if email is not None and accounts.email_taken(email, exclude=exclude):
        errors["email"] = [TAKEN]
    if errors:
        raise ApiError(409, errors)


@contextmanager
def unique_account(
    username: str | None, email: str | None, exclude: User | None = None
) -> Iterator[None]:
    """Refuse a taken username or email before the write, and again after it if a concurrent
    request took one in between (the unique index stops the write)."""
    refuse_taken(username, email, exclude)
    try:
        yield
    except IntegrityError:
        db.session.rollback()
        refuse_taken(username, email, exclude)
        raise
