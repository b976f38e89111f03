"""Form and view helpers both blueprints use: stripping, 422, a safe `next`.

Twin: django_impl/config/views.py.
"""

from urllib.parse import urlsplit

from flask import redirect, request
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import Field
from wtforms.validators import StopValidation


def strip(value: str | None) -> str | None:
    """Trim text fields: a name or title is what is between its spaces."""
    return value.strip() if isinstance(value, str) else value


def no_null_characters(form: FlaskForm, field: Field) -> None:
    """Refuse NUL in text: no page shows it, and PostgreSQL cannot even compare it."""
    if isinstance(field.data, str) and "\x00" in field.data:
        raise StopValidation(_("Null characters are not allowed."))


def form_status(form: FlaskForm) -> int:
    """200 for a blank form; 422 when a submission was refused, so a client can tell."""
    return 422 if form.is_submitted() else 200


def is_safe_url(target: str, host: str) -> bool:
    """A path on this site, or an http(s) URL to this host (`host[:port]`, as in `Host`).

    Backslashes are refused outright: browsers read them as slashes, so `/\\evil.example` is
    `//evil.example` to them. So are leading spaces and control characters, which browsers skip,
    and control characters anywhere: a line break cannot go in a `Location` header.
    """
    if not target or target[0] <= " " or "\\" in target or target.startswith("///"):
        return False
    if any(char < " " or char == "\x7f" for char in target):
        return False
    parts = urlsplit(target)
    if parts.scheme:
        return parts.scheme in {"http", "https"} and parts.netloc == host
    return not parts.netloc or parts.netloc == host


def current_path() -> str:
    """This page's path and query, the `next` its small forms send.

    From the host's root: `request.path` leaves out the mount point (SCRIPT_NAME), so a twin
    served under a prefix would send the browser outside it.
    """
    path = request.script_root + request.path
    query = request.query_string.decode()
    return f"{path}?{query}" if query else path


def redirect_to_next(fallback: str) -> Response:
    """Follow the POSTed `next` when it points to this site, else go to fallback."""
    target = request.form.get("next", "")
    return redirect(target if is_safe_url(target, request.host) else fallback)
