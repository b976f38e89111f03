"""Pages for a signed-in visitor say `Cache-Control: private, no-store`; public pages to a visitor
who is not signed in do not (policies.md, "Caching")."""

import pytest

from tests.support.api import register_user
from tests.support.factories import add_comment, write_article


def directives(response) -> set[str]:
    value = response.headers.get("Cache-Control", "")
    return {part.strip().lower() for part in value.split(",") if part.strip()}


@pytest.fixture(scope="module")
def owned(twin, writer):
    """An article of the writer's with one comment: their edit and delete pages."""
    slug = write_article(writer.browser)
    assert add_comment(writer.browser, slug, "Mine.").status == 302
    comment = writer.browser.get(f"/article/{slug}/").one("comment")["data-comment-id"]
    return slug, comment


PERSONAL = [
    "/settings/",
    "/feed/",
    "/editor/",
    "/editor/{slug}/",
    "/article/{slug}/delete/",
    "/article/{slug}/comments/{comment}/delete/",
    "/",
    "/article/{slug}/",
    "/profile/{username}/",
    "/profile/{username}/favorites/",
]


@pytest.mark.parametrize("path", PERSONAL)
def test_every_page_for_a_signed_in_visitor_is_private_and_not_stored(writer, owned, path):
    slug, comment = owned
    url = path.format(slug=slug, comment=comment, username=writer.username)

    page = writer.browser.get(url)

    assert page.status == 200, url
    assert {"private", "no-store"} <= directives(page.response), url
    assert "public" not in directives(page.response)


def test_a_refused_settings_form_is_not_stored_either(writer):
    page = writer.browser.submit("/settings/", "settings-form", {"username": "not valid"})

    assert page.status == 422
    assert {"private", "no-store"} <= directives(page.response)


def test_the_api_answer_to_a_token_is_private_and_not_stored(twin):
    user = register_user(twin.base_url)

    reply = user.api.get("/user")

    assert reply.status == 200
    assert {"private", "no-store"} <= {
        part.strip() for part in reply.headers.get("Cache-Control", "").split(",")
    }


@pytest.mark.parametrize("path", ["/", "/article/{slug}/", "/profile/{username}/"])
def test_public_pages_to_a_visitor_not_signed_in_may_be_cached(anon, writer, owned, path):
    page = anon.get(path.format(slug=owned[0], username=writer.username))

    assert page.status == 200
    assert "no-store" not in directives(page.response)
