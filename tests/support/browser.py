"""An HTTP client that behaves like a browser: a cookie jar, forms found by data-testid, CSRF.

It knows nothing of either framework: it submits a form's hidden inputs as a browser does,
whatever the framework calls its CSRF field. A base URL may have a path (an app mounted under a
prefix): the site paths a test reads (redirect targets, `next`, links) are then written from the
app's root, as the page contract names them.
"""

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urljoin, urlsplit

import requests
from bs4 import BeautifulSoup, Tag


def from_app_root(path: str, base_path: str) -> str:
    """A site path without the base URL's path, when the app is mounted under one."""
    if base_path and (path == base_path or path.startswith(f"{base_path}/")):
        return path[len(base_path) :] or "/"
    return path


def app_link(link: str, base_path: str) -> str:
    """A link with its path and its `next` target from the app's root."""
    if not base_path:
        return link
    path, mark, query = link.partition("?")
    fields = [app_next(field, base_path) for field in query.split("&")] if mark else []
    return from_app_root(path, base_path) + mark + "&".join(fields)


def app_next(field: str, base_path: str) -> str:
    """One field of a link's query; a `next` target (raw or percent-encoded) from the app's root."""
    name, equals, value = field.partition("=")
    if name != "next":
        return field
    encoded = quote(base_path, safe="")
    if value.startswith(f"{encoded}%2F"):
        value = value[len(encoded) :]
    return f"{name}{equals}{from_app_root(value, base_path)}"


@dataclass
class Page:
    """A response with its parsed HTML; base_path is the path of the base URL it was asked from."""

    response: requests.Response
    base_path: str = ""

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def soup(self) -> BeautifulSoup:
        if not hasattr(self, "_soup"):
            self._soup = BeautifulSoup(self.response.text, "html.parser")
            for element in self._soup.select("[href]") if self.base_path else []:
                element["href"] = app_link(element["href"], self.base_path)
        return self._soup

    @property
    def location(self) -> str:
        """The redirect target as a path from the app's root with its query (no scheme or host)."""
        target = urlsplit(self.response.headers.get("Location", ""))
        return self.redirect_path + (f"?{target.query}" if target.query else "")

    @property
    def redirect_path(self) -> str:
        """The redirect target's path alone."""
        return from_app_root(
            urlsplit(self.response.headers.get("Location", "")).path, self.base_path
        )

    @property
    def next_param(self) -> str | None:
        """The decoded `next` of a redirect to sign in (each framework encodes it its own way)."""
        values = parse_qs(urlsplit(self.response.headers.get("Location", "")).query).get("next")
        return from_app_root(values[0], self.base_path) if values else None

    def all(self, testid: str, root: Tag | None = None) -> list[Tag]:
        return (root or self.soup).select(f'[data-testid="{testid}"]')

    def one(self, testid: str, root: Tag | None = None) -> Tag:
        found = self.all(testid, root)
        assert len(found) == 1, f"expected one [data-testid={testid}], found {len(found)}"
        return found[0]

    def has(self, testid: str, root: Tag | None = None) -> bool:
        return bool(self.all(testid, root))

    def text(self, testid: str, root: Tag | None = None) -> str:
        return self.one(testid, root).get_text(" ", strip=True)

    def texts(self, testid: str, root: Tag | None = None) -> list[str]:
        return [element.get_text(" ", strip=True) for element in self.all(testid, root)]

    def error_fields(self) -> set[str]:
        """The fields that have a form error on this page (`""` for form-wide errors)."""
        return {element.get("data-field", "") for element in self.all("form-error")}

    def preview_slugs(self) -> list[str]:
        return [element["data-slug"] for element in self.all("article-preview")]


def form_fields(form: Tag) -> dict[str, str]:
    """What a browser would send for this form before the user types: its current values."""
    fields: dict[str, str] = {}
    for element in form.select("input[name], textarea[name], select[name]"):
        name = element["name"]
        if element.name == "textarea":
            fields[name] = element.get_text()
        elif element.name == "select":
            selected = element.select_one("option[selected]") or element.select_one("option")
            fields[name] = selected.get("value", "") if selected else ""
        elif element.get("type") in {"checkbox", "radio"}:
            if element.has_attr("checked"):
                fields[name] = element.get("value", "on")
        elif element.get("type") not in {"submit", "button", "image", "file"}:
            fields[name] = element.get("value", "")
    return fields


def hidden_fields(form: Tag) -> dict[str, str]:
    """A form's hidden inputs: what a browser sends besides what the user types."""
    return {
        element["name"]: element.get("value", "")
        for element in form.select('input[type="hidden"][name]')
    }


def visible_fields(form: Tag) -> dict[str, str]:
    """What the user sees in a form: its current values without the hidden inputs."""
    hidden = {element["name"] for element in form.select('input[type="hidden"][name]')}
    return {name: value for name, value in form_fields(form).items() if name not in hidden}


class Browser:
    """One visitor: a cookie jar against one base URL. Redirects are never followed silently."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.base_path = urlsplit(self.base_url).path
        self.session = requests.Session()

    def url(self, path: str) -> str:
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def get(self, path: str, **kwargs) -> Page:
        kwargs.setdefault("allow_redirects", False)
        return Page(self.session.get(self.url(path), timeout=30, **kwargs), self.base_path)

    def post(self, path: str, data=None, **kwargs) -> Page:
        kwargs.setdefault("allow_redirects", False)
        return Page(
            self.session.post(self.url(path), data=data, timeout=30, **kwargs), self.base_path
        )

    def request(self, method: str, path: str, **kwargs) -> Page:
        kwargs.setdefault("allow_redirects", False)
        response = self.session.request(method, self.url(path), timeout=30, **kwargs)
        return Page(response, self.base_path)

    def follow(self, page: Page) -> Page:
        """Follow one redirect, as a browser does after a POST."""
        assert page.status in {301, 302, 303, 307, 308}, f"not a redirect: {page.status}"
        return self.get(urljoin(page.response.url, page.response.headers["Location"]))

    def form(self, path: str, testid: str) -> tuple[Page, Tag]:
        page = self.get(path)
        assert page.status == 200, f"GET {path} answered {page.status}"
        return page, page.one(testid)

    def submit(self, path: str, testid: str, data: dict[str, str] | None = None) -> Page:
        """Open the page at path, fill the form with data over its current values, and post it."""
        page, form = self.form(path, testid)
        return self.submit_form(page, form, data)

    def submit_form(self, page: Page, form: Tag, data: dict[str, str] | None = None) -> Page:
        assert form.get("method", "").lower() == "post", "state changes must be POST forms"
        fields = {**form_fields(form), **(data or {})}
        action = urljoin(page.response.url, form.get("action") or page.response.url)
        response = self.session.post(action, data=fields, timeout=30, allow_redirects=False)
        return Page(response, self.base_path)

    def csrf_fields(self, path: str, testid: str) -> dict[str, str]:
        """The hidden inputs of a form: what a browser sends besides what the user types."""
        _, form = self.form(path, testid)
        return hidden_fields(form)
