"""Which list pages have the popular-tags sidebar: home and tag pages, not the reader's feed."""

import pytest

from tests.support.factories import unique, write_article


@pytest.fixture(scope="module")
def tag(writer) -> str:
    name = unique("t")
    write_article(writer.browser, tags=name)
    return name


@pytest.mark.parametrize("path", ["/", "/tag/{tag}/"])
def test_public_lists_show_popular_tags_to_a_signed_in_reader(reader, tag, path):
    page = reader.browser.get(path.format(tag=tag))

    assert page.status == 200
    assert page.texts("tag-link", page.one("popular-tags"))


def test_your_feed_has_no_sidebar(reader, tag):
    page = reader.browser.get("/feed/")

    assert page.status == 200
    assert not page.has("popular-tags")
