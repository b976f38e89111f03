"""The django_fresh experiment's readings: pure functions of the text it gets back."""

import ast
import base64
import binascii
import difflib
import json
import re
import xml.etree.ElementTree as ElementTree
import zlib
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CHECK_ID = re.compile(r"^\S.*?: \(([a-z_]+\.[A-Z]\d+)\) ", re.MULTILINE)
SITEMAP_URL = "{http://www.sitemaps.org/schemas/sitemap/0.9}url"
WIRING_TAG = "# sitemap-feed"


def csrf_token(html: str) -> str:
    """The token of the first form on a page."""
    match = CSRF_INPUT.search(html)
    if match is None:
        raise ValueError("no csrfmiddlewaretoken input on the page")
    return match.group(1)


def cookie_attributes(set_cookie: str) -> dict[str, Any]:
    """One Set-Cookie header as name, value and the three flags a browser enforces."""
    jar = SimpleCookie()
    jar.load(set_cookie)
    if len(jar) != 1:
        raise CookieError(f"expected one cookie in {set_cookie!r}")
    (morsel,) = jar.values()
    return {
        "name": morsel.key,
        "value": morsel.value,
        "samesite": morsel["samesite"] or None,
        "httponly": bool(morsel["httponly"]),
        "secure": bool(morsel["secure"]),
    }


def cookie_payload(value: str) -> Any | None:
    """What a cookie value gives away without its key, or None for an opaque one.

    Signed cookies (Django's signing, itsdangerous) carry base64 JSON, zlib-compressed when they
    start with "."; their parts are split by ":" or ".". Any part that decodes to a JSON object or
    list is data the client can read.
    """
    for part in (value, *re.split(r"[.:]", value)):
        if len(part) < 4:
            continue
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except (binascii.Error, ValueError):
            continue
        for candidate in (raw, _inflated(raw)):
            try:
                data = json.loads(candidate) if candidate else None
            except (UnicodeDecodeError, ValueError):
                continue
            if isinstance(data, dict | list):
                return data
    return None


def _inflated(raw: bytes) -> bytes | None:
    try:
        return zlib.decompress(raw)
    except zlib.error:
        return None


def deploy_check_ids(output: str) -> list[str]:
    """The check ids of a `manage.py check` report, in the order listed."""
    return CHECK_ID.findall(output)


def password_hash_parts(encoded: str) -> tuple[str, int | None]:
    """Algorithm and iteration count of a Django password hash.

    Only PBKDF2 hashes (`pbkdf2_sha256$iterations$salt$hash`) count iterations; the numbers in
    other formats are other costs (scrypt's work factor) or salts, so they give None.
    """
    algorithm, _, rest = encoded.partition("$")
    if not algorithm.startswith("pbkdf2_"):
        return algorithm, None
    return algorithm, int(rest.split("$", 1)[0])


def added_lines(before: str, after: str) -> int:
    """Non-blank lines in `after` that `before` lacks (a line-by-line diff)."""
    diff = difflib.ndiff(before.splitlines(), after.splitlines())
    return sum(1 for line in diff if line.startswith("+ ") and line[2:].strip())


def code_lines(source: str) -> int:
    """Lines of Python that are neither blank, comment-only nor the module docstring."""
    body = ast.parse(source).body
    docstring = set()
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        docstring = set(range(body[0].lineno, body[0].end_lineno + 1))
    return sum(
        1
        for number, line in enumerate(source.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#") and number not in docstring
    )


def sitemap_feed_lines(project: Path) -> int:
    """Code lines of the sitemap and feed module, plus the lines tagged for them elsewhere."""
    tagged = sum(
        WIRING_TAG in line
        for name in ("probe_settings.py", "probe_urls.py")
        for line in (project / name).read_text().splitlines()
    )
    return code_lines((project / "notes" / "feeds.py").read_text()) + tagged


def sitemap_urls(xml: str) -> int:
    return len(ElementTree.fromstring(xml).findall(SITEMAP_URL))


def feed_items(xml: str) -> int:
    return len(ElementTree.fromstring(xml).findall("./channel/item"))
