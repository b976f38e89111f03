"""The editor: publishing, slugs, tags, editing and deleting articles, and who may."""

import re

import pytest

from tests.support.factories import post_with_token, unique, write_article

SUFFIXED = re.compile(r"-[0-9a-f]{6}")


def test_editor_shows_empty_article_form(writer):
    page = writer.browser.get("/editor/")

    assert page.status == 200
    form = page.one("article-form")
    for name in ["title", "description", "body", "tags"]:
        assert form.select_one(f'[name="{name}"]') is not None, name


def test_publishing_redirects_to_the_new_article(writer):
    title = f"Fresh {unique()}"

    page = writer.browser.submit(
        "/editor/",
        "article-form",
        {"title": title, "description": "New.", "body": "Text.", "tags": ""},
    )

    assert page.status == 302
    assert writer.browser.follow(page).text("article-title") == title


def test_slug_is_made_from_the_title(writer):
    name = unique()

    slug = write_article(writer.browser, title=f"Hello, World! Ünïcode  -- {name}")

    assert slug == f"hello-world-unicode-{name}"


def test_slug_of_title_without_letters_is_article(writer):
    slug = write_article(writer.browser, title="!!! ???")

    assert re.fullmatch(r"article(-[0-9a-f]{6})?", slug)


def test_slug_is_cut_to_100_characters(writer):
    title = (unique("long") + "x" * 120)[:120]

    slug = write_article(writer.browser, title=title)

    assert slug == title[:100]


def test_same_title_twice_gives_two_slugs(writer):
    title = f"Twice {unique()}"

    first = write_article(writer.browser, title=title)
    second = write_article(writer.browser, title=title)

    assert second != first
    assert second.startswith(first)
    assert SUFFIXED.fullmatch(second[len(first) :])


def test_tags_are_split_lowercased_and_deduplicated(anon, writer):
    a, b, c, d = (unique("t") for _ in range(4))

    slug = write_article(writer.browser, tags=f"{a.upper()}, {b}  {a},{c.upper()}\t{d},, {b}")

    assert anon.get(f"/article/{slug}/").texts("article-tag") == sorted([a, b, c, d])
    assert anon.get(f"/tag/{c}/").preview_slugs() == [slug]


def test_editor_is_prefilled_with_the_article(writer):
    a, b = unique("t"), unique("t")
    slug = write_article(
        writer.browser,
        title="Prefilled",
        description="Desc.",
        body="Body *text*.",
        tags=f"{b} {a}",
    )

    form = writer.browser.get(f"/editor/{slug}/").one("article-form")

    assert form.select_one('[name="title"]')["value"] == "Prefilled"
    assert form.select_one('[name="description"]')["value"] == "Desc."
    assert form.select_one('[name="body"]').get_text().strip() == "Body *text*."
    tags = form.select_one('[name="tags"]')["value"]
    assert sorted(filter(None, re.split(r"[,\s]+", tags))) == sorted([a, b])


def test_editing_changes_title_and_body_but_keeps_slug_and_tags(anon, writer):
    tag = unique("t")
    slug = write_article(writer.browser, title=f"Before {unique()}", tags=tag)

    page = writer.browser.submit(
        f"/editor/{slug}/", "article-form", {"title": "After", "body": "New *body*."}
    )

    assert page.status == 302
    assert page.location == f"/article/{slug}/"
    article = anon.get(f"/article/{slug}/")
    assert article.text("article-title") == "After"
    assert article.one("article-body").find("em").get_text() == "body"
    assert article.texts("article-tag") == [tag]


def test_editing_tags_moves_the_article_between_tag_pages(anon, writer):
    old, new = unique("t"), unique("t")
    slug = write_article(writer.browser, tags=old)

    writer.browser.submit(f"/editor/{slug}/", "article-form", {"tags": new})

    assert anon.get(f"/tag/{old}/").preview_slugs() == []
    assert anon.get(f"/tag/{new}/").preview_slugs() == [slug]


def test_author_deletes_article(anon, writer):
    tag = unique("t")
    slug = write_article(writer.browser, tags=tag)

    page = writer.browser.submit(f"/article/{slug}/delete/", "delete-article-form")

    assert page.status == 302
    assert page.location == "/"
    assert anon.get(f"/article/{slug}/").status == 404
    assert anon.get(f"/tag/{tag}/").has("empty-list")


def test_deleted_article_leaves_the_favorites_of_its_readers(anon, writer, account):
    slug = write_article(writer.browser)
    assert account.browser.submit(f"/article/{slug}/", "favorite-form").status == 302
    assert anon.get(f"/profile/{account.username}/favorites/").preview_slugs() == [slug]

    assert writer.browser.submit(f"/article/{slug}/delete/", "delete-article-form").status == 302

    page = anon.get(f"/profile/{account.username}/favorites/")
    assert page.status == 200
    assert slug not in page.preview_slugs()


def test_other_user_cannot_open_the_editor_for_an_article(writer, account):
    slug = write_article(writer.browser)

    page = account.browser.get(f"/editor/{slug}/")

    assert page.status == 403
    assert page.has("error-page")


def test_other_user_cannot_edit_an_article(anon, writer, account):
    title = f"Mine {unique()}"
    slug = write_article(writer.browser, title=title)

    page = post_with_token(
        account.browser,
        f"/editor/{slug}/",
        {"title": "Taken over", "description": "x", "body": "x", "tags": ""},
    )

    assert page.status == 403
    assert anon.get(f"/article/{slug}/").text("article-title") == title


def test_other_user_cannot_delete_an_article(anon, writer, account):
    slug = write_article(writer.browser)

    page = post_with_token(account.browser, f"/article/{slug}/delete/")

    assert page.status == 403
    assert anon.get(f"/article/{slug}/").status == 200


def test_editing_or_deleting_unknown_article_is_404(writer):
    missing = unique("missing")
    data = {"title": "T", "description": "D", "body": "B", "tags": ""}

    assert writer.browser.get(f"/editor/{missing}/").status == 404
    assert writer.browser.get(f"/article/{missing}/delete/").status == 404
    assert post_with_token(writer.browser, f"/editor/{missing}/", data).status == 404
    assert post_with_token(writer.browser, f"/article/{missing}/delete/").status == 404


@pytest.mark.parametrize("field", ["title", "description", "body"])
def test_editor_requires_title_description_and_body(account, field):
    data = {"title": "T", "description": "D", "body": "B", "tags": "", field: ""}

    page = account.browser.submit("/editor/", "article-form", data)

    assert page.status == 422
    assert page.error_fields() == {field}
    assert page.has("article-form")
    assert account.browser.get(f"/profile/{account.username}/").preview_slugs() == []
