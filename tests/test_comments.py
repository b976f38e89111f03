"""Comments: adding, listing, deleting, and who may."""

from datetime import UTC, datetime, timedelta

from tests.support.factories import add_comment, post_with_token, unique, write_article
from tests.support.hooks import comment_ids, href, shown_date, time_of


def test_comment_appears_on_the_article_page(anon, writer, account):
    slug = write_article(writer.browser)
    body = f"Nice one {unique()}"

    page = add_comment(account.browser, slug, body)

    assert page.status == 302
    assert page.location == f"/article/{slug}/"
    article = anon.get(f"/article/{slug}/")
    (comment,) = article.all("comment", article.one("comment-list"))
    assert article.text("comment-body", comment) == body
    assert article.text("comment-author", comment) == account.username
    instant, shown = time_of(article.one("comment-date", comment))
    assert abs(datetime.now(UTC) - instant) < timedelta(hours=1)
    assert shown == shown_date(instant)


def test_comments_are_listed_newest_first(anon, writer):
    slug = write_article(writer.browser)

    for body in ["first", "second", "third"]:
        add_comment(writer.browser, slug, body)

    assert anon.get(f"/article/{slug}/").texts("comment-body") == ["third", "second", "first"]


def test_comment_author_sees_delete_link_only_on_own_comment(writer, account):
    slug = write_article(writer.browser)
    add_comment(writer.browser, slug, "by the author")
    add_comment(account.browser, slug, "by a reader")

    page = account.browser.get(f"/article/{slug}/")

    own, others = page.all("comment")
    assert page.text("comment-body", own) == "by a reader"
    assert page.has("delete-comment", own)
    assert not page.has("delete-comment", others)


def test_comment_author_deletes_comment(anon, writer, account):
    slug = write_article(writer.browser)
    add_comment(account.browser, slug, "kept")
    add_comment(account.browser, slug, "removed")
    page = account.browser.get(f"/article/{slug}/")
    removed = page.all("comment")[0]
    confirm = href(page.one("delete-comment", removed))

    result = account.browser.submit(confirm, "delete-comment-form")

    assert result.status == 302
    assert result.location == f"/article/{slug}/"
    assert anon.get(f"/article/{slug}/").texts("comment-body") == ["kept"]


def test_other_user_cannot_delete_a_comment(anon, writer, account):
    slug = write_article(writer.browser)
    add_comment(account.browser, slug, "stays")
    (comment_id,) = comment_ids(anon.get(f"/article/{slug}/"))

    page = post_with_token(writer.browser, f"/article/{slug}/comments/{comment_id}/delete/")

    assert page.status == 403
    assert page.has("error-page")
    assert comment_ids(anon.get(f"/article/{slug}/")) == [comment_id]


def test_anonymous_comment_redirects_to_sign_in_and_saves_nothing(anon, writer):
    slug = write_article(writer.browser)

    page = post_with_token(anon, f"/article/{slug}/comments/", {"body": "anonymous"})

    assert page.status == 302
    assert page.redirect_path == "/login/"
    assert page.next_param == f"/article/{slug}/comments/"
    assert anon.get(f"/article/{slug}/").all("comment") == []


def test_empty_comment_is_refused_with_422(anon, writer):
    slug = write_article(writer.browser)

    page = add_comment(writer.browser, slug, "")

    assert page.status == 422
    assert page.error_fields() == {"body"}
    assert page.has("comment-form")
    assert page.text("article-title")
    assert anon.get(f"/article/{slug}/").all("comment") == []


def test_refused_comment_page_shows_the_whole_article_with_its_comments(writer, account):
    slug = write_article(writer.browser, tags="zeta, alpha")
    add_comment(writer.browser, slug, "already here")
    post_with_token(account.browser, f"/article/{slug}/favorite/")

    page = add_comment(writer.browser, slug, "   ")

    assert page.status == 422
    assert page.texts("comment-body") == ["already here"]
    assert page.texts("article-tag") == ["alpha", "zeta"]
    assert page.text("favorites-count") == "1"


def test_comment_on_unknown_article_is_404(writer):
    page = post_with_token(writer.browser, f"/article/{unique('missing')}/comments/", {"body": "x"})

    assert page.status == 404


def test_deleting_unknown_comment_is_404(writer):
    slug = write_article(writer.browser)

    page = post_with_token(writer.browser, f"/article/{slug}/comments/999999999999/delete/")

    assert page.status == 404


def test_deleting_a_comment_through_another_article_is_404(anon, writer):
    commented = write_article(writer.browser)
    other = write_article(writer.browser)
    add_comment(writer.browser, commented, "belongs elsewhere")
    (comment_id,) = comment_ids(anon.get(f"/article/{commented}/"))

    page = post_with_token(writer.browser, f"/article/{other}/comments/{comment_id}/delete/")

    assert page.status == 404
    assert comment_ids(anon.get(f"/article/{commented}/")) == [comment_id]
