"""Security headers, the session cookie, and CSRF refusals that save nothing."""

import pytest

from tests.support.browser import Browser, visible_fields
from tests.support.factories import (
    Account,
    post_with_token,
    register,
    token_fields,
    unique,
    write_article,
)

SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

RESPONSES = {
    "page": ({200}, lambda anon, reader, published: anon.get("/")),
    "form page": ({200}, lambda anon, reader, published: anon.get("/login/")),
    "stylesheet": ({200}, lambda anon, reader, published: anon.get("/static/conduit.css")),
    "sign-in redirect": ({302}, lambda anon, reader, published: anon.get("/feed/")),
    "slash redirect": ({301, 308}, lambda anon, reader, published: anon.get("/login")),
    "post redirect": (
        {302},
        lambda anon, reader, published: post_with_token(
            reader.browser, f"/article/{published.slug}/unfavorite/"
        ),
    ),
    "invalid form": (
        {422},
        lambda anon, reader, published: anon.submit(
            "/login/", "login-form", {"email": "nobody@example.com", "password": "wrong-password"}
        ),
    ),
    "not found": ({404}, lambda anon, reader, published: anon.get(f"/article/{unique('gone')}/")),
    "forbidden": (
        {403},
        lambda anon, reader, published: reader.browser.get(f"/editor/{published.slug}/"),
    ),
    "bad request": (
        {400},
        lambda anon, reader, published: post_with_token(
            reader.browser, f"/profile/{reader.username}/follow/"
        ),
    ),
    "method not allowed": ({405}, lambda anon, reader, published: anon.get("/logout/")),
    "csrf refusal": ({400, 403}, lambda anon, reader, published: anon.post("/login/", {"x": "y"})),
}


@pytest.mark.parametrize("kind", RESPONSES)
def test_security_headers_are_on_every_response(anon, reader, published, kind):
    statuses, make = RESPONSES[kind]

    page = make(anon, reader, published)

    assert page.status in statuses
    for name, value in SECURITY_HEADERS.items():
        assert page.response.headers.get(name, "").lower() == value.lower(), name


FORM_PAGES = ["/", "/article/{slug}/", "/profile/{author}/", "/editor/", "/settings/"]


@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_form_posts_to_an_action_with_a_token(reader, published, path):
    page = reader.browser.get(path.format(slug=published.slug, author=published.author.username))

    forms = page.soup.find_all("form")

    assert forms
    for form in forms:
        testid = form.get("data-testid")
        assert form.get("method", "").lower() == "post", testid
        assert form.get("action"), testid
        hidden = form.select('input[type="hidden"][name]')
        assert [field for field in hidden if field["name"] != "next"], testid


@pytest.mark.parametrize("path", ["/login/", "/register/"])
def test_sign_in_and_sign_up_forms_carry_a_token(anon, path):
    form = anon.get(path).soup.find("form")

    assert form.get("method", "").lower() == "post"
    assert form.get("action")
    assert [field for field in form.select('input[type="hidden"]') if field["name"] != "next"]


def set_cookies(page) -> dict[str, str]:
    """Each cookie set by a response, by name, with its raw `Set-Cookie` header."""
    headers = page.response.raw.headers.getlist("Set-Cookie")
    return {header.split("=", 1)[0].strip(): header for header in headers}


def test_session_cookie_is_http_only_and_same_site_lax(twin, reader):
    browser = Browser(twin.base_url)
    page = browser.submit(
        "/login/", "login-form", {"email": reader.email, "password": reader.password}
    )
    assert page.status == 302
    signing_in = {}
    for name, header in set_cookies(page).items():
        alone = Browser(twin.base_url)
        alone.session.cookies.set(name, browser.session.cookies.get(name))
        if alone.get("/settings/").status == 200:
            signing_in[name] = header

    assert signing_in, "no cookie set at sign-in carries the session"
    for name, header in signing_in.items():
        attributes = [part.strip().lower() for part in header.split(";")[1:]]
        assert "httponly" in attributes, name
        assert "samesite=lax" in attributes, name


def snapshot(anon: Browser, account: Account, slug: str, author: str) -> tuple:
    """What a refused write must leave unchanged, read back through the pages."""
    article = anon.get(f"/article/{slug}/")
    return (
        article.text("favorites-count"),
        article.texts("comment-body"),
        anon.get(f"/profile/{author}/").preview_slugs(),
        anon.get(f"/profile/{account.username}/").preview_slugs(),
        account.browser.get(f"/profile/{author}/").has("follow-form"),
        visible_fields(account.browser.get("/settings/").one("settings-form")),
    )


WRITES = {
    "publish": ("/editor/", {"title": "Sneaky", "description": "d", "body": "b", "tags": ""}),
    "comment": ("/article/{slug}/comments/", {"body": "sneaky"}),
    "favorite": ("/article/{slug}/favorite/", {}),
    "follow": ("/profile/{author}/follow/", {}),
    "delete": ("/article/{own}/delete/", {}),
    "settings": ("/settings/", {"bio": "sneaky"}),
}


def tampered(fields: dict[str, str]) -> dict[str, str]:
    """The hidden inputs with each token's last characters changed."""
    return {
        name: value
        if name == "next"
        else value[:-4] + ("bbbb" if value.endswith("aaaa") else "aaaa")
        for name, value in fields.items()
    }


@pytest.fixture(scope="module")
def refused(twin) -> tuple[Account, Account, str, str]:
    """A user, an author, the author's article and the user's own: refusals change none of it."""
    account, author = register(twin.base_url), register(twin.base_url)
    return account, author, write_article(author.browser), write_article(account.browser)


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("token", ["missing", "tampered", "another visitor's"])
def test_write_without_a_valid_csrf_token_is_refused(anon, refused, write, token):
    account, author, slug, own = refused
    path, data = WRITES[write]
    if write == "settings":
        data = {**visible_fields(account.browser.get("/settings/").one("settings-form")), **data}
    hidden = {
        "missing": dict,
        "tampered": lambda: tampered(token_fields(account.browser)),
        "another visitor's": lambda: token_fields(author.browser),
    }[token]()
    before = snapshot(anon, account, slug, author.username)

    page = account.browser.post(
        path.format(slug=slug, own=own, author=author.username), {**hidden, **data}
    )

    assert 400 <= page.status < 500
    assert snapshot(anon, account, slug, author.username) == before
