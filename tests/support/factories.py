"""Make users, articles and comments through the twins' own pages, with unique names."""

import uuid
from dataclasses import dataclass

from tests.support.browser import Browser, Page, hidden_fields

PASSWORD = "correct-horse-battery"


def unique(prefix: str = "u") -> str:
    """A name no other test (or earlier run against the same server) has used."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


@dataclass
class Account:
    """A registered user and a browser signed in as them."""

    username: str
    email: str
    password: str
    browser: Browser


def register(base_url: str, username: str | None = None, **fields: str) -> Account:
    """Sign up through /register/; the new user is signed in."""
    browser = Browser(base_url)
    username = username or unique()
    email = fields.pop("email", f"{username}@example.com")
    password = fields.pop("password", PASSWORD)
    page = browser.submit(
        "/register/",
        "register-form",
        {"username": username, "email": email, "password": password, **fields},
    )
    assert page.status == 302, f"sign-up failed: {page.status} {page.error_fields()}"
    return Account(username, email.strip().lower(), password, browser)


def sign_in(base_url: str, email: str, password: str) -> Browser:
    browser = Browser(base_url)
    page = browser.submit("/login/", "login-form", {"email": email, "password": password})
    assert page.status == 302, f"sign-in failed: {page.status} {page.error_fields()}"
    return browser


def write_article(browser: Browser, **fields: str) -> str:
    """Publish an article through the editor and return its slug."""
    data = {
        "title": fields.pop("title", f"Title {unique()}"),
        "description": fields.pop("description", "A short description."),
        "body": fields.pop("body", "Some *Markdown* body."),
        "tags": fields.pop("tags", ""),
        **fields,
    }
    page = browser.submit("/editor/", "article-form", data)
    assert page.status == 302, f"publishing failed: {page.status} {page.error_fields()}"
    slug = page.location.rstrip("/").rsplit("/", 1)[-1]
    assert page.location == f"/article/{slug}/"
    return slug


def add_comment(browser: Browser, slug: str, body: str) -> Page:
    return browser.submit(f"/article/{slug}/", "comment-form", {"body": body})


def token_fields(browser: Browser) -> dict[str, str]:
    """The hidden inputs (the CSRF token, whatever its name) a form carries for this visitor."""
    settings = browser.get("/settings/")
    if settings.status == 200:
        return hidden_fields(settings.one("settings-form"))
    return browser.csrf_fields("/register/", "register-form")


def post_with_token(browser: Browser, path: str, data: dict[str, str] | None = None) -> Page:
    """POST to path as a page's form would: with the visitor's CSRF hidden inputs."""
    return browser.post(path, {**token_fields(browser), **(data or {})})


def csrf_header(browser: Browser) -> dict[str, str]:
    """The token as an `X-CSRFToken` header, the name both frameworks accept by default."""
    values = [value for name, value in token_fields(browser).items() if name != "next"]
    assert len(values) == 1, f"expected one CSRF hidden input, found {len(values)}"
    return {"X-CSRFToken": values[0]}


def favorite(browser: Browser, slug: str) -> Page:
    return browser.submit(f"/article/{slug}/", "favorite-form")


def unfavorite(browser: Browser, slug: str) -> Page:
    return browser.submit(f"/article/{slug}/", "unfavorite-form")


def follow(browser: Browser, username: str) -> Page:
    return browser.submit(f"/profile/{username}/", "follow-form")


def unfollow(browser: Browser, username: str) -> Page:
    return browser.submit(f"/profile/{username}/", "unfollow-form")


def change_settings(browser: Browser, **fields: str) -> Page:
    """Submit the settings form with these fields changed and the others as pre-filled."""
    return browser.submit("/settings/", "settings-form", fields)
