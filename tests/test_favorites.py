"""Favorites: the count, the forms, idempotence and where the action sends the user."""

import pytest

from tests.support.factories import (
    favorite,
    post_with_token,
    unfavorite,
    unique,
    write_article,
)
from tests.support.hooks import preview


def test_favorite_counts_the_reader_and_offers_unfavorite(anon, writer, account):
    slug = write_article(writer.browser)

    page = favorite(account.browser, slug)

    assert page.status == 302
    assert page.location == f"/article/{slug}/"
    article = account.browser.get(f"/article/{slug}/")
    assert article.text("favorites-count") == "1"
    assert article.has("unfavorite-form")
    assert not article.has("favorite-form")
    assert anon.get(f"/article/{slug}/").text("favorites-count") == "1"


def test_favorites_count_shows_in_previews(anon, writer, account):
    tag = unique("t")
    slug = write_article(writer.browser, tags=tag)
    favorite(writer.browser, slug)
    favorite(account.browser, slug)

    page = anon.get(f"/tag/{tag}/")

    assert page.text("preview-favorites-count", preview(page, slug)) == "2"


def test_favoriting_twice_counts_once(anon, writer, account):
    slug = write_article(writer.browser)
    favorite(account.browser, slug)

    page = post_with_token(account.browser, f"/article/{slug}/favorite/")

    assert page.status == 302
    assert anon.get(f"/article/{slug}/").text("favorites-count") == "1"


def test_unfavorite_removes_the_reader(anon, writer, account):
    slug = write_article(writer.browser)
    favorite(account.browser, slug)

    page = unfavorite(account.browser, slug)

    assert page.status == 302
    assert page.location == f"/article/{slug}/"
    assert anon.get(f"/article/{slug}/").text("favorites-count") == "0"
    assert account.browser.get(f"/article/{slug}/").has("favorite-form")


def test_unfavoriting_an_article_not_favorited_changes_nothing(anon, writer, account):
    slug = write_article(writer.browser)
    favorite(writer.browser, slug)

    page = post_with_token(account.browser, f"/article/{slug}/unfavorite/")

    assert page.status == 302
    assert anon.get(f"/article/{slug}/").text("favorites-count") == "1"


@pytest.mark.parametrize("action", ["favorite", "unfavorite"])
def test_favorite_actions_follow_a_safe_next(writer, action):
    slug = write_article(writer.browser)
    tag = unique("t")

    page = post_with_token(writer.browser, f"/article/{slug}/{action}/", {"next": f"/tag/{tag}/"})

    assert page.status == 302
    assert page.location == f"/tag/{tag}/"


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_favorite_ignores_an_unsafe_next(writer, unsafe):
    slug = write_article(writer.browser)

    page = post_with_token(writer.browser, f"/article/{slug}/favorite/", {"next": unsafe})

    assert page.status == 302
    assert page.location == f"/article/{slug}/"
    assert "evil.example" not in page.response.headers["Location"]


@pytest.mark.parametrize("action", ["favorite", "unfavorite"])
def test_favoriting_unknown_article_is_404(writer, action):
    page = post_with_token(writer.browser, f"/article/{unique('missing')}/{action}/")

    assert page.status == 404
