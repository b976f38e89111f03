"""Profile pages: an author's articles, their favorites, and the controls shown to each visitor."""

import pytest

from tests.support.factories import favorite, unfavorite, unique, write_article
from tests.support.hooks import href, is_current


def test_profile_lists_the_authors_articles_newest_first(anon, account, writer):
    first = write_article(account.browser)
    write_article(writer.browser)
    second = write_article(account.browser)

    page = anon.get(f"/profile/{account.username}/")

    assert page.status == 200
    assert page.text("profile-username") == account.username
    assert page.preview_slugs() == [second, first]
    assert is_current(page.one("tab-my-articles"))
    assert not is_current(page.one("tab-favorited-articles"))


def test_profile_favorites_lists_the_articles_they_favorited(anon, account, writer):
    older = write_article(writer.browser)
    newer = write_article(account.browser)
    dropped = write_article(writer.browser)
    write_article(writer.browser)
    for slug in [older, newer, dropped]:
        favorite(account.browser, slug)
    unfavorite(account.browser, dropped)

    page = anon.get(f"/profile/{account.username}/favorites/")

    assert page.status == 200
    assert page.text("profile-username") == account.username
    assert page.preview_slugs() == [newer, older]
    assert is_current(page.one("tab-favorited-articles"))
    assert not is_current(page.one("tab-my-articles"))


def test_profile_without_articles_shows_an_empty_list(anon, reader):
    for path in [f"/profile/{reader.username}/", f"/profile/{reader.username}/favorites/"]:
        page = anon.get(path)
        assert page.status == 200
        assert page.has("empty-list")


@pytest.mark.parametrize("path", ["/profile/{name}/", "/profile/{name}/favorites/"])
def test_unknown_profile_is_404(anon, path):
    page = anon.get(path.format(name=unique("nobody")))

    assert page.status == 404
    assert page.has("error-page")


def test_profile_url_matches_the_username_exactly(anon, reader):
    assert anon.get(f"/profile/{reader.username.upper()}/").status == 404


def test_profile_without_bio_or_image_shows_neither(anon, reader):
    page = anon.get(f"/profile/{reader.username}/")

    assert not page.has("profile-bio")
    assert not page.has("profile-image")


def test_own_profile_offers_settings_and_no_follow(reader):
    page = reader.browser.get(f"/profile/{reader.username}/")

    assert href(page.one("edit-settings")) == "/settings/"
    assert not page.has("follow-form")
    assert not page.has("unfollow-form")


def test_other_profile_offers_follow_to_signed_in_users_only(anon, reader, writer):
    signed_in = reader.browser.get(f"/profile/{writer.username}/")
    anonymous = anon.get(f"/profile/{writer.username}/")

    assert signed_in.has("follow-form")
    assert not signed_in.has("edit-settings")
    for testid in ["follow-form", "unfollow-form", "edit-settings"]:
        assert not anonymous.has(testid), testid
