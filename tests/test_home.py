"""Home, tag and feed lists: order, previews, tabs, pagination and popular tags."""

import pytest

from tests.support.factories import follow, register, unique, write_article
from tests.support.hooks import (
    href,
    is_current,
    preview,
    shown_date,
    tag_article_count,
    time_of,
)


def test_home_lists_new_article_with_its_preview(anon, writer):
    tag = unique("t")
    title = f"Preview {unique()}"
    slug = write_article(
        writer.browser, title=title, description="What it is about.", tags=f"{tag} alpha"
    )

    page = anon.get("/")

    assert page.status == 200
    card = preview(page, slug)
    assert page.text("preview-title", card) == title
    assert href(page.one("preview-title", card)) == f"/article/{slug}/"
    assert page.text("preview-description", card) == "What it is about."
    assert page.text("preview-author", card) == writer.username
    assert href(page.one("preview-author", card)) == f"/profile/{writer.username}/"
    assert page.text("preview-favorites-count", card) == "0"
    assert page.texts("preview-tag", card) == sorted(["alpha", tag])
    instant, shown = time_of(page.one("preview-date", card))
    assert shown == shown_date(instant)


def test_global_feed_lists_newest_first(anon, writer):
    older = write_article(writer.browser)
    newer = write_article(writer.browser)

    slugs = anon.get("/").preview_slugs()

    assert slugs.index(newer) < slugs.index(older)


def test_tag_page_lists_exactly_the_tagged_articles_newest_first(anon, writer, account):
    tag = unique("t")
    first = write_article(writer.browser, tags=tag)
    write_article(writer.browser, tags=unique("t"))
    second = write_article(account.browser, tags=f"{unique('t')}, {tag}")

    page = anon.get(f"/tag/{tag}/")

    assert page.status == 200
    assert page.preview_slugs() == [second, first]
    assert not page.has("pagination")


def test_tag_page_paginates_ten_articles_per_page(anon, writer):
    tag = unique("t")
    slugs = [write_article(writer.browser, tags=tag) for _ in range(11)]

    first = anon.get(f"/tag/{tag}/")
    second = anon.get(f"/tag/{tag}/?page=2")

    assert first.preview_slugs() == slugs[::-1][:10]
    assert second.status == 200
    assert second.preview_slugs() == [slugs[0]]
    links = first.all("page-link", first.one("pagination"))
    assert [link.get_text(strip=True) for link in links] == ["1", "2"]
    assert [href(link) for link in links] == ["?page=1", "?page=2"]
    assert [is_current(link) for link in links] == [True, False]
    assert [is_current(link) for link in second.all("page-link")] == [False, True]


@pytest.mark.parametrize("page_number", ["0", "-1", "abc", "1.5", "2", "999"])
def test_tag_page_number_not_a_page_is_404(anon, writer, page_number):
    tag = unique("t")
    write_article(writer.browser, tags=tag)

    assert anon.get(f"/tag/{tag}/?page={page_number}").status == 404


@pytest.mark.parametrize("page_number", ["0", "abc", "99999999"])
def test_home_page_number_not_a_page_is_404(anon, page_number):
    assert anon.get(f"/?page={page_number}").status == 404


def test_tag_without_articles_shows_empty_list(anon):
    page = anon.get(f"/tag/{unique('t')}/")

    assert page.status == 200
    assert page.has("empty-list")
    assert page.all("article-preview") == []


def test_anonymous_tabs_show_global_feed_as_current(anon):
    page = anon.get("/")

    assert not page.has("tab-your-feed")
    assert is_current(page.one("tab-global-feed"))


def test_signed_in_home_offers_your_feed_tab(reader):
    page = reader.browser.get("/")

    assert not is_current(page.one("tab-your-feed"))
    assert is_current(page.one("tab-global-feed"))


def test_tag_page_shows_current_tag_tab(anon):
    tag = unique("t")

    page = anon.get(f"/tag/{tag}/")

    assert tag in page.text("tab-tag")
    assert is_current(page.one("tab-tag"))
    assert not is_current(page.one("tab-global-feed"))


def test_your_feed_lists_only_followed_authors(account, other_account, twin):
    stranger = register(twin.base_url)
    followed_slug = write_article(other_account.browser)
    stranger_slug = write_article(stranger.browser)
    follow(account.browser, other_account.username)

    page = account.browser.get("/feed/")

    assert page.status == 200
    assert is_current(page.one("tab-your-feed"))
    assert followed_slug in page.preview_slugs()
    assert stranger_slug not in page.preview_slugs()
    assert set(page.texts("preview-author")) == {other_account.username}


def test_your_feed_is_empty_when_following_nobody(reader):
    page = reader.browser.get("/feed/")

    assert page.status == 200
    assert page.has("empty-list")


def test_your_feed_anonymous_redirects_to_sign_in(anon):
    page = anon.get("/feed/")

    assert page.status == 302
    assert page.redirect_path == "/login/"
    assert page.next_param == "/feed/"


@pytest.mark.parametrize("path", ["/", "/tag/{tag}/"])
def test_popular_tags_link_to_tag_pages(anon, writer, path):
    tag = unique("t")
    write_article(writer.browser, tags=tag)

    page = anon.get(path.format(tag=tag))
    links = page.all("tag-link", page.one("popular-tags"))

    assert 1 <= len(links) <= 20
    assert all(href(link) == f"/tag/{link.get_text(strip=True)}/" for link in links)


def test_popular_tags_ordered_by_article_count_then_name(anon, writer):
    more, fewer = unique("z"), unique("a")  # by count `more` comes first, by name `fewer`
    write_article(writer.browser, tags=f"{more} {fewer}")
    write_article(writer.browser, tags=more)
    home = anon.get("/")
    names = home.texts("tag-link", home.one("popular-tags"))

    ranked = [(-tag_article_count(anon, name), name) for name in names]

    assert len(names) >= 2
    assert ranked == sorted(ranked)
