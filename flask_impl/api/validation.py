"""Reading API input: the JSON body, paging, filters, and the forms' errors in api.md's words.

The field rules are the pages' own forms (accounts.forms, blog.forms) and the blog's tag rules,
so the pages and the API cannot drift. Twin: django_impl/api/validation.py.
"""

import json
import re
from typing import Any

from flask import request
from flask_wtf import FlaskForm
from sqlalchemy import Row, Select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict
from wtforms import Field
from wtforms.validators import DataRequired, Length, StopValidation, ValidationError

from flask_impl.accounts.forms import UniqueAccountMixin
from flask_impl.api.errors import ApiError, not_found
from flask_impl.blog import rules
from flask_impl.extensions import db

BLANK = "can't be blank"
INVALID = "is invalid"
TAKEN = "has already been taken"
NOT_A_STRING = "must be a string"
NOT_A_TAG_LIST = "must be a list of strings"
NOT_AN_OBJECT = "must be a JSON object"
DIGITS = re.compile(r"[0-9]{1,10}")
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
PAGING = {"limit": (20, 1, 100), "offset": (0, 0, 2_147_483_647)}  # default, minimum, maximum
# The API authenticates by its token, never by the session cookie: its forms carry no CSRF field.
API_META = {"csrf": False}
UNIQUE = {UniqueAccountMixin.validate_username, UniqueAccountMixin.validate_email}


def storable(value: str) -> bool:
    """Text every database can store and compare: no NUL, no unpaired surrogate."""
    return UNSTORABLE.search(value) is None


def one_or_404(query: Select, what: str, name: str) -> Row:
    """The one row of query, or the 404 for `what`; text no database stores names nothing."""
    row = db.session.execute(query).one_or_none() if storable(name) else None
    if row is None:
        raise not_found(what)
    return row


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


def form_data(fields: dict, names: tuple[str, ...]) -> tuple[MultiDict, dict[str, list[str]]]:
    """A form's data: the named fields sent (null as blank; a field not sent keeps the form's
    own value); and the errors of the fields sent that are not storable text."""
    data, errors = MultiDict(), {}
    for name in names:
        if name not in fields:
            continue
        value = fields[name]
        if value is not None and not isinstance(value, str):
            errors[name] = [NOT_A_STRING]
        elif value is not None and not storable(value):
            errors[name] = [INVALID]
        else:
            data[name] = value or ""
    return data, errors


def tag_list(fields: dict, data: MultiDict, errors: dict) -> None:
    """The tags sent as `tagList`, lowercased and without duplicates, into the form's data as
    its tag field takes them; a refused list goes into errors."""
    if "tagList" not in fields:
        return
    value = fields["tagList"]
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        errors["tagList"] = [NOT_A_TAG_LIST]
        return
    names = rules.normalize_tags(value)
    messages = []
    if not all(rules.is_valid_tag(name) for name in names):
        messages.append(INVALID)
    if len(names) > rules.MAX_TAGS:
        messages.append(f"is too long (maximum is {rules.MAX_TAGS} tags)")
    if messages:
        errors["tagList"] = messages
    else:
        data["tags"] = " ".join(names)


def message(validator, field: Field) -> str:
    """api.md's message for the kind of validator that refused the field."""
    if isinstance(validator, DataRequired):
        return BLANK
    if isinstance(validator, Length):
        if validator.max != -1 and len(field.data or "") > validator.max:
            return f"is too long (maximum is {validator.max} characters)"
        return f"is too short (minimum is {validator.min} characters)"
    return TAKEN if validator in UNIQUE else INVALID


def messages(form: FlaskForm, field: Field) -> list[str]:
    """The refused field's validators run again in WTForms' order, each refusal in api.md's words
    (WTForms keeps only the messages, which are the pages' and in the visitor's language)."""
    inline = getattr(type(form), f"validate_{field.name}", None)
    found = []
    for validator in [*field.validators, *([inline] if inline else [])]:
        try:
            validator(form, field)
        except StopValidation:
            found.append(message(validator, field))
            break
        except ValidationError:
            found.append(message(validator, field))
    return list(dict.fromkeys(found))


def check(form: FlaskForm, errors: dict[str, list[str]]) -> None:
    """Refuse unless the form and the fields refused before it are clean: a 422 listing every
    refused field, or a 409 when being taken is all that is wrong (validation comes first)."""
    if not form.validate():
        for field in [field for field in form if field.errors]:
            errors.setdefault(field.name, messages(form, field))
    taken = {name for name, field_messages in errors.items() if field_messages == [TAKEN]}
    if taken and taken == set(errors):
        raise ApiError(409, errors)
    if errors:
        raise ApiError(422, {name: errors[name] for name in errors if name not in taken})


def commit_account(form: FlaskForm) -> None:
    """Commit a new or changed account; if a concurrent request took its username or email
    since the form looked (the unique index refuses the write), the form's 409 now."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        check(form, {})
        raise


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
