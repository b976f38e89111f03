"""Deleting an article or a comment: a confirmation page first, a message after."""

from tests.support.factories import add_comment, register, write_article
from tests.support.hooks import comment_ids, href


def test_article_page_links_the_author_to_a_confirmation(anon, writer):
    slug = write_article(writer.browser)
    page = writer.browser.get(f"/article/{slug}/")

    confirmation = writer.browser.get(href(page.one("delete-article")))

    assert confirmation.status == 200
    assert confirmation.has("confirm-question")
    assert href(confirmation.one("cancel-delete")) == f"/article/{slug}/"
    form = confirmation.one("delete-article-form")
    assert form["action"] == f"/article/{slug}/delete/"
    assert anon.get(f"/article/{slug}/").status == 200


def test_deleted_article_is_reported_on_the_next_page(writer):
    slug = write_article(writer.browser)

    done = writer.browser.submit(f"/article/{slug}/delete/", "delete-article-form")

    assert done.location == "/"
    assert writer.browser.follow(done).texts("message") == ["Article deleted."]
    assert writer.browser.get("/").texts("message") == []


def test_other_user_cannot_open_an_article_confirmation(writer):
    slug = write_article(writer.browser)
    other = register(writer.browser.base_url)

    assert other.browser.get(f"/article/{slug}/delete/").status == 403


def test_comment_link_opens_a_confirmation_that_deletes_nothing(anon, writer):
    slug = write_article(writer.browser)
    add_comment(writer.browser, slug, "Still here.")
    page = writer.browser.get(f"/article/{slug}/")

    confirmation = writer.browser.get(href(page.one("delete-comment")))

    assert confirmation.status == 200
    assert confirmation.has("confirm-question")
    assert confirmation.has("delete-comment-form")
    assert href(confirmation.one("cancel-delete")) == f"/article/{slug}/"
    assert anon.get(f"/article/{slug}/").texts("comment-body") == ["Still here."]


def test_deleted_comment_is_reported_on_the_article_page(anon, writer):
    slug = write_article(writer.browser)
    add_comment(writer.browser, slug, "Going.")
    (comment_id,) = comment_ids(anon.get(f"/article/{slug}/"))

    done = writer.browser.submit(
        f"/article/{slug}/comments/{comment_id}/delete/", "delete-comment-form"
    )

    assert done.location == f"/article/{slug}/"
    article = writer.browser.follow(done)
    assert article.texts("message") == ["Comment deleted."]
    assert article.texts("comment-body") == []


def test_other_user_cannot_open_a_comment_confirmation(anon, writer):
    slug = write_article(writer.browser)
    add_comment(writer.browser, slug, "Mine.")
    (comment_id,) = comment_ids(anon.get(f"/article/{slug}/"))
    other = register(writer.browser.base_url)

    page = other.browser.get(f"/article/{slug}/comments/{comment_id}/delete/")

    assert page.status == 403
