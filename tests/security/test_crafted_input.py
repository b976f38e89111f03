"""Crafted requests a visitor can send get a clear 4xx, never a 5xx, and change nothing."""

from urllib.parse import urljoin

import pytest

from tests.support.browser import Browser
from tests.support.database import stored_ids
from tests.support.factories import PASSWORD, post_with_token, unique

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset={charset}"
HUGE_PAGE = "1000000000000000000"
LIST_PAGES = [
    "/",
    "/feed/",
    "/tag/{tag}/",
    "/profile/{author}/",
    "/profile/{author}/favorites/",
]


def post_in_charset(anon, path: str, charset: str, username: str):
    """A sign-up body declared in charset, with the CSRF cookie a form's page would have set."""
    anon.session.cookies.set("csrftoken", "x" * 32)
    return anon.post(
        path,
        f"username={username}&email={username}%40example.com&password={PASSWORD}",
        headers={"Content-Type": FORM_CONTENT_TYPE.format(charset=charset)},
    )


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-16"])
def test_sign_up_in_another_charset_with_a_csrf_cookie_is_a_bad_request(anon, charset):
    username = unique()

    page = post_in_charset(anon, "/register/", charset, username)

    assert page.status == 400
    assert page.has("error-page")
    assert anon.get(f"/profile/{username}/").status == 404


def test_sign_up_in_an_unknown_charset_is_refused(anon):
    username = unique()

    page = post_in_charset(anon, "/register/", "no-such-charset", username)

    assert page.status in {400, 403}
    assert anon.get(f"/profile/{username}/").status == 404


def test_a_post_in_another_charset_to_no_page_is_not_found(anon):
    username = unique()

    page = post_in_charset(anon, f"/{unique('nowhere')}/", "iso-8859-1", username)

    assert page.status == 404
    assert anon.get(f"/profile/{username}/").status == 404


@pytest.mark.parametrize("path", LIST_PAGES)
def test_a_page_number_past_any_offset_is_not_found(reader, published, path):
    tag = published.author.browser.get(f"/article/{published.slug}/").texts("article-tag")[0]
    url = path.format(tag=tag, author=published.author.username)

    page = reader.browser.get(f"{url}?page={HUGE_PAGE}")

    assert page.status == 404
    assert reader.browser.get(url).status == 200


@pytest.mark.parametrize("comment_id", [str(2**63 - 1), str(2**63), str(2**64), "9" * 30])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_deleting_a_comment_id_past_any_key_is_not_found(twin, published, comment_id, method):
    author = published.author.browser
    path = f"/article/{published.slug}/comments/{comment_id}/delete/"

    page = author.get(path) if method == "GET" else post_with_token(author, path)

    assert page.status == 404
    assert stored_ids(twin, "comment", [published.comment_id]) == {int(published.comment_id)}


@pytest.mark.parametrize(
    "target", ["/\r\nSet-Cookie: planted=1", "/feed/\nX-Planted: 1", "/\rfeed/", "\r\n/"]
)
def test_a_next_with_a_line_break_signs_in_and_stays_on_the_site(twin, account, target):
    visitor = Browser(twin.base_url)

    page = visitor.submit(
        "/login/",
        "login-form",
        {"email": account.email, "password": account.password, "next": target},
    )

    assert page.status == 302
    location = page.response.headers["Location"]
    assert "\r" not in location
    assert "\n" not in location
    assert urljoin(page.response.url, location).startswith(f"{twin.base_url}/")
    assert "planted" not in page.response.cookies
    assert "X-Planted" not in page.response.headers
    assert visitor.get("/settings/").status == 200


@pytest.mark.parametrize("target", ["/\r\nSet-Cookie: planted=1", "/\nX-Planted: 1"])
def test_a_next_with_a_line_break_on_a_small_form_stays_on_the_site(account, published, target):
    author = published.author.username

    page = post_with_token(account.browser, f"/profile/{author}/follow/", {"next": target})

    assert page.status == 302
    assert page.location.startswith("/")
    assert not page.location.startswith("//")
    assert "\r" not in page.response.headers["Location"]
    assert "X-Planted" not in page.response.headers
    assert "planted" not in page.response.cookies
    assert account.browser.get(f"/profile/{author}/").has("unfollow-form")


@pytest.mark.parametrize("path", ["/tag/a%00b/", "/profile/a%00b/", "/profile/a%00b/favorites/"])
def test_a_null_character_in_a_page_path_is_not_found(anon, path):
    assert anon.get(path).status == 404
