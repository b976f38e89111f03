"""URLs and methods: sign-in redirects, 405s, trailing slashes and the stylesheet."""

import pytest

from launcher import ROOT
from tests.support.factories import csrf_header, post_with_token, unique

STYLESHEET = ROOT / "shared_spec" / "static" / "conduit.css"

NEEDS_A_USER = [
    ("GET", "/feed/"),
    ("GET", "/editor/"),
    ("POST", "/editor/"),
    ("GET", "/editor/{slug}/"),
    ("POST", "/editor/{slug}/"),
    ("GET", "/article/{slug}/delete/"),
    ("POST", "/article/{slug}/delete/"),
    ("POST", "/article/{slug}/comments/"),
    ("GET", "/article/{slug}/comments/{comment_id}/delete/"),
    ("POST", "/article/{slug}/comments/{comment_id}/delete/"),
    ("POST", "/article/{slug}/favorite/"),
    ("POST", "/article/{slug}/unfavorite/"),
    ("POST", "/profile/{username}/follow/"),
    ("POST", "/profile/{username}/unfollow/"),
    ("GET", "/settings/"),
    ("POST", "/settings/"),
]


def fill(path: str, published) -> str:
    """The path with the shared article, its comment, its author and a fresh tag put in."""
    return path.format(
        slug=published.slug,
        comment_id=published.comment_id,
        username=published.author.username,
        tag=unique("t"),
    )


@pytest.mark.parametrize(("method", "path"), NEEDS_A_USER)
def test_anonymous_request_needing_a_user_redirects_to_sign_in(anon, published, method, path):
    path = fill(path, published)

    page = anon.get(path) if method == "GET" else post_with_token(anon, path)

    assert page.status == 302
    assert page.redirect_path == "/login/"
    assert page.next_param == path


def test_anonymous_writes_leave_the_article_unchanged(anon, published):
    before = anon.get(f"/article/{published.slug}/")
    for method, path in NEEDS_A_USER:
        if method == "POST":
            post_with_token(anon, fill(path, published), {"body": "x", "title": "x"})

    after = anon.get(f"/article/{published.slug}/")

    assert after.status == 200
    for testid in ["article-title", "favorites-count", "comment-list"]:
        assert after.text(testid) == before.text(testid), testid


@pytest.mark.parametrize(
    "path",
    [
        "/logout/",
        "/article/{slug}/comments/",
        "/article/{slug}/favorite/",
        "/article/{slug}/unfavorite/",
        "/profile/{username}/follow/",
        "/profile/{username}/unfollow/",
    ],
)
@pytest.mark.parametrize("viewer", ["anonymous", "author"])
def test_get_on_an_action_is_405(anon, published, path, viewer):
    browser = anon if viewer == "anonymous" else published.author.browser

    page = browser.get(fill(path, published))

    assert page.status == 405
    assert anon.get(f"/article/{published.slug}/").status == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", "/"),
        ("DELETE", "/article/{slug}/"),
        ("PUT", "/article/{slug}/"),
        ("PATCH", "/profile/{username}/"),
        ("PUT", "/editor/"),
        ("DELETE", "/editor/{slug}/"),
        ("PUT", "/settings/"),
    ],
)
def test_other_methods_on_a_page_are_405(published, method, path):
    browser = published.author.browser

    page = browser.request(method, fill(path, published), headers=csrf_header(browser))

    assert page.status == 405
    assert browser.get(f"/article/{published.slug}/").status == 200


@pytest.mark.parametrize(("method", "path"), [("DELETE", "/login/"), ("PUT", "/register/")])
def test_other_methods_on_a_sign_in_page_are_405(anon, method, path):
    page = anon.request(method, path, headers=csrf_header(anon))

    assert page.status == 405


@pytest.mark.parametrize(
    "path",
    [
        "/login",
        "/register",
        "/feed",
        "/settings",
        "/editor",
        "/tag/{tag}",
        "/article/{slug}",
        "/profile/{username}",
        "/profile/{username}/favorites",
    ],
)
def test_page_url_without_trailing_slash_redirects_to_it(anon, published, path):
    path = fill(path, published)

    page = anon.get(path)

    assert page.status in {301, 308}
    assert page.location == f"{path}/"


def test_stylesheet_is_served(anon):
    page = anon.get("/static/conduit.css")

    assert page.status == 200
    assert page.response.headers["Content-Type"].startswith("text/css")
    assert page.response.content == STYLESHEET.read_bytes()


@pytest.mark.parametrize("path", ["/", "/login/", "/article/{slug}/", "/article/missing-{tag}/"])
def test_every_page_links_the_stylesheet(anon, published, path):
    page = anon.get(fill(path, published))

    links = page.soup.select('link[rel="stylesheet"]')

    assert "/static/conduit.css" in [link["href"] for link in links]
