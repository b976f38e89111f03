"""Reading API input: the JSON body, paging, filters, and the forms' errors in api.md's words.

The field rules are the pages' own forms (accounts.forms, blog.forms) and the blog's tag rules,
so the pages and the API cannot drift. Twin: flask_impl/api/validation.py.
"""

import json
import re
from typing import Any

from django import forms

from api.errors import ApiError
from blog import services as blog

MAX_BODY = 1_048_576
BLANK = "can't be blank"
INVALID = "is invalid"
TAKEN = "has already been taken"
NOT_A_STRING = "must be a string"
NOT_A_TAG_LIST = "must be a list of strings"
NOT_AN_OBJECT = "must be a JSON object"
DIGITS = re.compile(r"[0-9]{1,10}")
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
PAGING = {"limit": (20, 1, 100), "offset": (0, 0, 2_147_483_647)}  # default, minimum, maximum
# api.md's messages for the codes of Django's form and model validation; other codes: INVALID.
MESSAGES = {
    "required": BLANK,
    "max_length": "is too long (maximum is {limit_value} characters)",
    "min_length": "is too short (minimum is {limit_value} characters)",
    "unique": TAKEN,
}


def storable(value: str) -> bool:
    """Text every database can store and compare: no NUL, no unpaired surrogate."""
    return UNSTORABLE.search(value) is None


def json_object(request) -> dict[str, Any]:
    """The body as a JSON object, read as UTF-8 whatever its Content-Type.

    Read here, not through request.body: Django refuses bodies over DATA_UPLOAD_MAX_MEMORY_SIZE
    (2.5 MB) with a 400, and the API's limit is 1 MB with a 413, checked before parsing.
    """
    body = request.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        raise ApiError(413, {"request": ["is too large"]})
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):
        data = None
    if not isinstance(data, dict):
        raise ApiError(422, {"request": [NOT_AN_OBJECT]})
    return data


def wrapped(request, wrapper: str) -> dict[str, Any]:
    """The object under `wrapper` (`user`, `article`, `comment`) in the JSON body."""
    fields = json_object(request).get(wrapper)
    if not isinstance(fields, dict):
        raise ApiError(422, {wrapper: [BLANK]})
    return fields


def form_data(fields: dict, names: tuple[str, ...], current: dict | None = None):
    """A form's data: the named fields sent, else their current values; and the errors of the
    fields sent that are not storable text (a form would quietly take 5 as "5")."""
    data, errors = dict(current or {}), {}
    for name in names:
        if name not in fields:
            continue
        value = fields[name]
        if value is not None and not isinstance(value, str):
            errors[name] = [NOT_A_STRING]
        elif value is not None and not storable(value):
            errors[name] = [INVALID]
        else:
            data[name] = value
    return data, errors


def tag_list(fields: dict, errors: dict, current: list[str]) -> list[str]:
    """The tags sent as `tagList`, lowercased and without duplicates (current ones when it is
    absent); a refused list goes into errors."""
    if "tagList" not in fields:
        return current
    value = fields["tagList"]
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        errors["tagList"] = [NOT_A_TAG_LIST]
        return current
    names = blog.normalize_tags(value)
    messages = []
    if not all(blog.is_valid_tag(name) for name in names):
        messages.append(INVALID)
    if len(names) > blog.MAX_TAGS:
        messages.append(f"is too long (maximum is {blog.MAX_TAGS} tags)")
    if messages:
        errors["tagList"] = messages
        return current
    return names


def message(error: forms.ValidationError) -> str:
    return MESSAGES.get(error.code, INVALID).format(**(error.params or {}))


def check(form: forms.BaseForm, errors: dict[str, list[str]]) -> None:
    """Refuse unless the form and the fields refused before it are clean: a 422 listing every
    refused field, or a 409 when being taken is all that is wrong (validation comes first)."""
    if not form.is_valid():
        for name, field_errors in form.errors.as_data().items():
            errors.setdefault(name, [message(error) for error in field_errors])
    taken = {name for name, messages in errors.items() if messages == [TAKEN]}
    if taken and taken == set(errors):
        raise ApiError(409, errors)
    if errors:
        raise ApiError(422, {name: errors[name] for name in errors if name not in taken})


def paging(request) -> tuple[int, int]:
    """`limit` and `offset` from the query string: digits only, within their bounds."""
    values, errors = {}, {}
    for name, (default, low, high) in PAGING.items():
        raw = request.GET.get(name)
        if raw is None:
            values[name] = default
        elif DIGITS.fullmatch(raw) and low <= int(raw) <= high:
            values[name] = int(raw)
        else:
            errors[name] = [f"must be an integer from {low} to {high}"]
    if errors:
        raise ApiError(422, errors)
    return values["limit"], values["offset"]


def list_filters(request) -> dict[str, str]:
    """The `tag`, `author` and `favorited` filters given (an empty one filters nothing)."""
    filters = {name: request.GET.get(name, "") for name in ("tag", "author", "favorited")}
    errors = {name: [INVALID] for name, value in filters.items() if not storable(value)}
    if errors:
        raise ApiError(422, errors)
    return {name: value for name, value in filters.items() if value}
