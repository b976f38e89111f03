"""Tools side of flask_fresh: reading what the apps send back (cookies, pages, help, metadata)."""

import base64
import json
import re
import zlib
from html.parser import HTMLParser

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def session_payload(cookie: str) -> dict | None:
    """A Flask session cookie read with no key: base64, inflated when it starts with '.', JSON."""
    compressed = cookie.startswith(".")
    payload = cookie.removeprefix(".").split(".", 1)[0]
    try:
        data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        if compressed:
            data = zlib.decompress(data)
        value = json.loads(data)
    except (ValueError, zlib.error):
        return None
    return value if isinstance(value, dict) else None


def tampered(cookie: str) -> str:
    """The same cookie with one character of its payload replaced by another base64 character."""
    start = 1 if cookie.startswith(".") else 0
    position = start + len(cookie[start:].split(".", 1)[0]) // 2
    replacement = "A" if cookie[position] != "A" else "B"
    return cookie[:position] + replacement + cookie[position + 1 :]


def cookie_attributes(set_cookie: str) -> dict:
    """SameSite (None when absent), HttpOnly and Secure of one Set-Cookie header."""
    attributes = {}
    for part in set_cookie.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        attributes[name.lower()] = value
    return {
        "samesite": attributes.get("samesite"),
        "httponly": "httponly" in attributes,
        "secure": "secure" in attributes,
    }


def help_commands(help_text: str) -> list[str]:
    """The command names listed under "Commands:" in a click --help text, sorted."""
    section = help_text.partition("\nCommands:\n")[2]
    names = []
    for line in section.splitlines():
        if not line.strip():
            break
        if line.startswith("  ") and not line.startswith("   "):
            names.append(line.split()[0])
    return sorted(names)


def scaffolding_candidates(commands: list[str]) -> list[str]:
    """Commands whose names say they start a project (as startproject, init or new would)."""
    return [name for name in commands if re.search(r"start|init|new|create|scaffold|project", name)]


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("input", "textarea", "select") and attributes.get("name"):
            kind = attributes.get("type", "text")
            if kind not in ("submit", "button", "checkbox", "radio"):
                self.fields[attributes["name"]] = attributes.get("value") or ""


def form_fields(html: str) -> dict[str, str]:
    """Every named input, textarea and select of a page, with its value ("" when it has none)."""
    parser = _FormFields()
    parser.feed(html)
    return parser.fields


def debugger_page(html: str) -> dict:
    """What a Werkzeug debugger page says of itself: console on, trusted, its secret, a frame."""
    settings = dict(re.findall(r"\b(EVALEX|EVALEX_TRUSTED|CONSOLE_MODE) = (\w+)", html))
    secret = re.search(r'SECRET = "([^"]+)"', html)
    frame = re.search(r'id="frame-(\d+)"', html)
    return {
        "console": "__debugger__" in html and settings.get("EVALEX") == "true",
        "trusted": settings.get("EVALEX_TRUSTED") == "true",
        "secret": secret.group(1) if secret else None,
        "frame": frame.group(1) if frame else None,
    }


def debugger_pin(server_log: str) -> str | None:
    """The PIN the development server prints (at start under the reloader, or when asked)."""
    found = re.search(r"Debugger (?:PIN|pin code): ([\d-]+)", server_log)
    return found.group(1) if found else None


def added_lines(source: str) -> int:
    """Lines of code a module adds to the app it extends: no docstring, comment, blank line or
    import of that app (`from app_... import`)."""
    body = re.sub(r'^\s*""".*?"""', "", source, count=1, flags=re.DOTALL)
    kept = [line.strip() for line in body.splitlines()]
    return sum(1 for line in kept if line and not line.startswith(("#", "from app_")))


def dependency_closure(roots: list[str], requirements: dict, markers: dict) -> set[str]:
    """The distributions `roots` need, transitively, with each marker evaluated (no extras)."""
    requires = {canonicalize_name(name): listed for name, listed in requirements.items()}
    needed, pending = set(), [canonicalize_name(name) for name in roots]
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        needed.add(name)
        for line in requires.get(name, []):
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is None or marker.evaluate(markers | {"extra": ""}):
                pending.append(canonicalize_name(requirement.name))
    return needed


def extra_distributions(
    extension: str, base: list[str], requirements: dict, markers: dict
) -> list[str]:
    """What `extension` brings in beyond the distributions `base` needs, itself included, sorted."""
    closure = dependency_closure([extension], requirements, markers)
    return sorted(closure - dependency_closure(base, requirements, markers))
