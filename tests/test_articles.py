"""The article page: what it shows, to whom, and its Markdown body."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.support.factories import unique, write_article
from tests.support.hooks import href, shown_date, time_of


def test_article_page_shows_title_author_description_and_tags(anon, writer):
    title = f"Article {unique()}"
    slug = write_article(
        writer.browser, title=title, description="The gist.", tags="zeta alpha mid"
    )

    page = anon.get(f"/article/{slug}/")

    assert page.status == 200
    assert page.one("article-title").name == "h1"
    assert page.text("article-title") == title
    assert page.text("article-author") == writer.username
    assert href(page.one("article-author")) == f"/profile/{writer.username}/"
    assert page.text("article-description") == "The gist."
    assert page.texts("article-tag") == ["alpha", "mid", "zeta"]
    assert page.text("favorites-count") == "0"


def test_article_date_is_shown_in_utc(anon, writer):
    slug = write_article(writer.browser)

    instant, shown = time_of(anon.get(f"/article/{slug}/").one("article-date"))

    assert abs(datetime.now(UTC) - instant) < timedelta(hours=1)
    assert shown == shown_date(instant)


def test_article_body_is_rendered_from_markdown(anon, writer):
    slug = write_article(writer.browser, body="Plain and *emphasised* words.\n\n## Heading")

    body = anon.get(f"/article/{slug}/").one("article-body")

    assert body.find("em").get_text() == "emphasised"
    assert body.find("h2").get_text() == "Heading"
    assert "*" not in body.get_text()


def test_unknown_article_is_404_error_page(anon):
    page = anon.get(f"/article/{unique('missing')}/")

    assert page.status == 404
    assert page.has("error-page")


def test_anonymous_article_page_offers_sign_in_to_comment(anon, writer):
    slug = write_article(writer.browser)

    page = anon.get(f"/article/{slug}/")

    assert href(page.one("sign-in-to-comment")) == f"/login/?next=/article/{slug}/"
    for testid in ["comment-form", "favorite-form", "follow-form", "delete-article"]:
        assert not page.has(testid), testid


def test_author_sees_edit_and_delete_but_no_follow(writer):
    slug = write_article(writer.browser)

    page = writer.browser.get(f"/article/{slug}/")

    assert href(page.one("edit-article")) == f"/editor/{slug}/"
    assert href(page.one("delete-article")) == f"/article/{slug}/delete/"
    assert page.has("favorite-form")
    assert page.has("comment-form")
    assert not page.has("follow-form")
    assert not page.has("unfollow-form")


def test_reader_sees_favorite_follow_and_comment_but_no_edit(writer, account):
    slug = write_article(writer.browser)

    page = account.browser.get(f"/article/{slug}/")

    assert page.has("favorite-form")
    assert page.has("follow-form")
    assert page.has("comment-form")
    assert not page.has("edit-article")
    assert not page.has("delete-article")
    assert not page.has("sign-in-to-comment")


@pytest.mark.parametrize(
    ("path", "status"), [("/article/{missing}/", 404), ("/editor/{slug}/", 403)]
)
def test_error_pages_keep_the_signed_in_navigation(reader, published, path, status):
    page = reader.browser.get(path.format(missing=unique("gone"), slug=published.slug))

    assert page.status == status
    assert page.has("error-page")
    assert page.text("nav-profile") == reader.username
    assert page.has("sign-out-form")
