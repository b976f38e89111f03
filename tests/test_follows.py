"""Following authors: the forms on profile and article pages, the feed, and refusals."""

import pytest

from tests.support.factories import follow, post_with_token, unfollow, unique, write_article


def test_follow_from_profile_offers_unfollow(account, writer):
    page = follow(account.browser, writer.username)

    assert page.status == 302
    assert page.location == f"/profile/{writer.username}/"
    profile = account.browser.get(f"/profile/{writer.username}/")
    assert profile.has("unfollow-form")
    assert not profile.has("follow-form")


def test_follow_from_article_page_returns_to_the_article(account, writer):
    slug = write_article(writer.browser)

    page = account.browser.submit(f"/article/{slug}/", "follow-form")

    assert page.status == 302
    assert page.location == f"/article/{slug}/"
    assert account.browser.get(f"/article/{slug}/").has("unfollow-form")


def test_followed_author_articles_reach_the_feed(account, writer):
    follow(account.browser, writer.username)

    slug = write_article(writer.browser)

    assert account.browser.get("/feed/").preview_slugs()[0] == slug


def test_unfollow_removes_author_from_the_feed(account, writer):
    slug = write_article(writer.browser)
    follow(account.browser, writer.username)

    page = unfollow(account.browser, writer.username)

    assert page.status == 302
    assert page.location == f"/profile/{writer.username}/"
    assert slug not in account.browser.get("/feed/").preview_slugs()
    assert account.browser.get(f"/profile/{writer.username}/").has("follow-form")


def test_following_twice_is_idempotent(account, writer):
    slug = write_article(writer.browser)
    follow(account.browser, writer.username)

    page = post_with_token(account.browser, f"/profile/{writer.username}/follow/")

    assert page.status == 302
    slugs = account.browser.get("/feed/").preview_slugs()
    assert slugs[0] == slug
    assert len(slugs) == len(set(slugs))


def test_unfollowing_someone_not_followed_changes_nothing(account, writer):
    page = post_with_token(account.browser, f"/profile/{writer.username}/unfollow/")

    assert page.status == 302
    assert account.browser.get(f"/profile/{writer.username}/").has("follow-form")


def test_following_oneself_is_400(account):
    write_article(account.browser)

    page = post_with_token(account.browser, f"/profile/{account.username}/follow/")

    assert page.status == 400
    assert page.has("error-page")
    assert account.browser.get("/feed/").has("empty-list")


@pytest.mark.parametrize("action", ["follow", "unfollow"])
def test_following_unknown_user_is_404(writer, action):
    page = post_with_token(writer.browser, f"/profile/{unique('nobody')}/{action}/")

    assert page.status == 404


@pytest.mark.parametrize("unsafe", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_follow_ignores_an_unsafe_next(account, published, unsafe):
    author = published.author.username

    page = post_with_token(account.browser, f"/profile/{author}/follow/", {"next": unsafe})

    assert page.status == 302
    assert page.location == f"/profile/{author}/"
