"""Which links and redirects of a twin mounted under a prefix name a site path outside it.

A twin that honours SCRIPT_NAME writes every site path it builds (links, form actions, the
stylesheet, `next` targets, redirects) under its prefix; one that ignores it sends the browser to
the host's root, where the other twin's process answers 404. Read over HTTP, no framework.
"""

from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import requests

TIMEOUT_S = 30
# (signed in?, path from the twin's root); `{slug}` is the newest article on the home page.
SCANNED = (
    (False, "/"),
    (False, "/login/"),
    (False, "/register/"),
    (False, "/article/{slug}/"),
    (False, "/feed/"),
    (False, "/editor/"),
    (True, "/"),
    (True, "/article/{slug}/"),
    (True, "/editor/"),
    (True, "/settings/"),
)


class LinkTargets(HTMLParser):
    """Every href, action and src of a page, each `next` hidden value, and its hidden inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[tuple[str, str]] = []  # (where, value)
        self.hidden: dict[str, str] = {}
        self.first_slug: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name in ("href", "action", "src"):
            if attributes.get(name):
                self.targets.append((f"{tag}[{name}]", attributes[name]))
        if tag == "input" and attributes.get("type") == "hidden" and "name" in attributes:
            self.hidden[attributes["name"]] = attributes.get("value", "")
            if attributes["name"] == "next" and attributes.get("value"):
                self.targets.append(("input[name=next]", attributes["value"]))
        if attributes.get("data-testid") == "article-preview" and self.first_slug is None:
            self.first_slug = attributes.get("data-slug")


def parse(html: str) -> LinkTargets:
    parser = LinkTargets()
    parser.feed(html)
    return parser


def is_outside(path: str, prefix: str) -> bool:
    """A site path (from the host's root) that does not lie under prefix."""
    if not path.startswith("/") or path.startswith("//"):
        return False
    return not (path == prefix or path.startswith(f"{prefix}/"))


def leaks(where: str, value: str, prefix: str) -> list[str]:
    """`where value` once per site path it names outside prefix: its own path, its `next`."""
    parts = urlsplit(value)
    named = [] if parts.scheme or parts.netloc else [parts.path]
    named += parse_qs(parts.query).get("next", [])
    return [f"{where} {value}" for path in named if is_outside(path, prefix)]


def page_leaks(response: requests.Response, prefix: str) -> list[str]:
    found = leaks("Location", response.headers.get("Location", ""), prefix)
    if "html" in response.headers.get("Content-Type", ""):
        for where, value in parse(response.text).targets:
            found += leaks(where, value, prefix)
    return found


def sign_in(session: requests.Session, base_url: str, email: str, password: str) -> list[str]:
    """Sign in through the login form; the leaks of the redirect it answers with."""
    page = session.get(f"{base_url}/login/", timeout=TIMEOUT_S)
    fields = {**parse(page.text).hidden, "email": email, "password": password}
    answer = session.post(page.url, data=fields, timeout=TIMEOUT_S, allow_redirects=False)
    if answer.status_code != 302:
        raise RuntimeError(f"sign-in at {base_url} answered {answer.status_code}")
    return leaks("Location", answer.headers.get("Location", ""), urlsplit(base_url).path)


def scan(base_url: str, email: str, password: str) -> list[str]:
    """Every distinct link or redirect of the scanned pages that leaves base_url's path."""
    prefix = urlsplit(base_url).path
    home = requests.get(f"{base_url}/", timeout=TIMEOUT_S)
    slug = parse(home.text).first_slug
    if slug is None:
        raise RuntimeError(f"{base_url}/ lists no article")
    anonymous, member = requests.Session(), requests.Session()
    found = [f"POST /login/ {leak}" for leak in sign_in(member, base_url, email, password)]
    for signed_in, path in SCANNED:
        session = member if signed_in else anonymous
        url = urljoin(f"{base_url}/", path.format(slug=slug).lstrip("/"))
        response = session.get(url, timeout=TIMEOUT_S, allow_redirects=False)
        who = "signed in" if signed_in else "anonymous"
        for leak in page_leaks(response, prefix):
            found.append(f"GET {path} ({who}) {leak.replace(slug, '{slug}')}")
    return sorted(set(found))
