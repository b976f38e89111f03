"""Bad input gets a clear 4xx (422 for a form), never a 5xx, and nothing is saved."""

import pytest
import requests

from tests.support.browser import Browser
from tests.support.factories import (
    PASSWORD,
    Account,
    add_comment,
    change_settings,
    post_with_token,
    register,
    unique,
    write_article,
)

ARTICLE = {"title": "A title", "description": "A description.", "body": "A body.", "tags": ""}


def own_articles(browser: Browser, username: str) -> list[str]:
    return browser.get(f"/profile/{username}/").preview_slugs()


@pytest.fixture(scope="module")
def newcomer(twin) -> Account:
    """A user with no articles, shared by the refused submissions, which must leave it so."""
    return register(twin.base_url)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "t" * 121),
        ("description", "d" * 256),
        ("body", "b" * 20_001),
        ("tags", "t" * 41),
        ("tags", " ".join(f"tag{n}" for n in range(11))),
        ("tags", "-leading-hyphen"),
        ("tags", "_leading-underscore"),
        ("tags", "c++"),
        ("tags", "über"),
        ("tags", "semi;colon"),
    ],
)
def test_editor_refuses_an_invalid_field(newcomer, field, value):
    page = newcomer.browser.submit("/editor/", "article-form", {**ARTICLE, field: value})

    assert page.status == 422
    assert page.error_fields() == {field}
    assert page.has("article-form")
    assert own_articles(newcomer.browser, newcomer.username) == []


def test_editor_accepts_fields_at_their_limits(anon, writer):
    tags = ["t" * 40, "9lives", "snake_case", "kebab-case", *(unique("t") for _ in range(6))]
    title = (unique("limit") + "x" * 120)[:120]

    slug = write_article(
        writer.browser, title=title, description="d" * 255, body="b" * 20_000, tags=",".join(tags)
    )

    article = anon.get(f"/article/{slug}/")
    assert article.text("article-title") == title
    assert article.text("article-description") == "d" * 255
    assert article.text("article-body") == "b" * 20_000
    assert article.texts("article-tag") == sorted(tags)


def test_editing_with_an_invalid_field_changes_nothing(anon, writer):
    slug = write_article(writer.browser, title="Unchanged")

    page = writer.browser.submit(f"/editor/{slug}/", "article-form", {"title": "t" * 121})

    assert page.status == 422
    assert page.error_fields() == {"title"}
    assert anon.get(f"/article/{slug}/").text("article-title") == "Unchanged"


def test_comment_longer_than_5000_characters_is_refused(anon, writer):
    slug = write_article(writer.browser)

    page = add_comment(writer.browser, slug, "c" * 5_001)

    assert page.status == 422
    assert page.error_fields() == {"body"}
    assert anon.get(f"/article/{slug}/").all("comment") == []


def test_comment_of_5000_characters_is_accepted(anon, writer):
    slug = write_article(writer.browser)

    page = add_comment(writer.browser, slug, "c" * 5_000)

    assert page.status == 302
    assert anon.get(f"/article/{slug}/").texts("comment-body") == ["c" * 5_000]


def nul_in_title(twin, account) -> tuple[int, bool]:
    page = account.browser.submit("/editor/", "article-form", {**ARTICLE, "title": "bad\x00title"})
    return page.status, own_articles(account.browser, account.username) == []


def nul_in_body(twin, account) -> tuple[int, bool]:
    page = account.browser.submit("/editor/", "article-form", {**ARTICLE, "body": "bad\x00body"})
    return page.status, own_articles(account.browser, account.username) == []


def nul_in_comment(twin, account) -> tuple[int, bool]:
    slug = write_article(account.browser)
    page = add_comment(account.browser, slug, "bad\x00comment")
    return page.status, account.browser.get(f"/article/{slug}/").all("comment") == []


def nul_in_bio(twin, account) -> tuple[int, bool]:
    page = change_settings(account.browser, bio="bad\x00bio")
    return page.status, not account.browser.get(f"/profile/{account.username}/").has("profile-bio")


def nul_in_username(twin, account) -> tuple[int, bool]:
    name = unique()
    page = Browser(twin.base_url).submit(
        "/register/",
        "register-form",
        {"username": f"{name}\x00", "email": f"{name}@example.com", "password": PASSWORD},
    )
    return page.status, Browser(twin.base_url).get(f"/profile/{name}/").status == 404


def nul_in_email(twin, account) -> tuple[int, bool]:
    browser = Browser(twin.base_url)
    page = browser.submit(
        "/login/", "login-form", {"email": f"{account.email}\x00", "password": account.password}
    )
    return page.status, browser.get("/settings/").status == 302


@pytest.mark.parametrize(
    "attempt",
    [nul_in_title, nul_in_body, nul_in_comment, nul_in_bio, nul_in_username, nul_in_email],
    ids=lambda attempt: attempt.__name__,
)
def test_nul_byte_in_a_field_is_refused(twin, account, attempt):
    status, nothing_saved = attempt(twin, account)

    assert 400 <= status < 500
    assert nothing_saved


@pytest.mark.parametrize("target", ["comment", "article"])
def test_very_large_post_body_is_refused(account, target):
    slug = write_article(account.browser)
    path, data = {
        "comment": (f"/article/{slug}/comments/", {"body": "A valid comment."}),
        "article": ("/editor/", ARTICLE),
    }[target]
    data = {**data, "padding": "x" * 3_000_000}

    try:
        status = post_with_token(account.browser, path, data).status
    except requests.ConnectionError:
        pytest.fail("the server dropped the connection instead of answering with a 4xx")

    assert 400 <= status < 500
    assert account.browser.get(f"/article/{slug}/").all("comment") == []
    assert own_articles(account.browser, account.username) == [slug]
