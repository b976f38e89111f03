"""List and article pages run as many SQL statements for one article as for ten (no N+1).

Read from the `X-Query-Count` header, which a twin sends when started with
`TWINS_COUNT_QUERIES=1` (the suite starts its twins so); skipped only against a --base-url server
that does not.
"""

from dataclasses import dataclass

import pytest

from tests.support.factories import Account, add_comment, favorite, register, unique, write_article
from tests.support.query_counts import query_count


@dataclass(frozen=True)
class Lists:
    """Two authors: `few` with one article, `many` with ten; each favorites the other's."""

    few: Account
    many: Account
    few_tag: str
    many_tag: str
    few_slug: str
    many_slug: str


@pytest.fixture(scope="module")
def lists(twin) -> Lists:
    few, many = register(twin.base_url), register(twin.base_url)
    few_tag, many_tag = unique("t"), unique("t")
    few_slug = write_article(few.browser, tags=few_tag)
    add_comment(few.browser, few_slug, "Only one.")
    many_slugs = [
        write_article(many.browser, tags=f"{many_tag} {unique('t')} {unique('t')}")
        for _ in range(10)
    ]
    for slug in many_slugs:
        favorite(few.browser, slug)
        favorite(many.browser, slug)
    favorite(many.browser, few_slug)
    for body in ["One.", "Two.", "Three."]:
        add_comment(few.browser, many_slugs[0], body)
        add_comment(many.browser, many_slugs[0], body)
    return Lists(few, many, few_tag, many_tag, few_slug, many_slugs[0])


def page_query_count(twin, browser, path: str) -> int:
    """Statements run for the page, read on a second visit so one-off session writes don't count."""
    browser.get(path)
    page = browser.get(path)
    assert page.status == 200, path
    return query_count(twin, page.response.headers)


PAGES = {
    "tag": ("/tag/{few_tag}/", "/tag/{many_tag}/"),
    "profile": ("/profile/{few}/", "/profile/{many}/"),
    "profile favorites": ("/profile/{many}/favorites/", "/profile/{few}/favorites/"),
    "article": ("/article/{few_slug}/", "/article/{many_slug}/"),
}


@pytest.mark.parametrize("viewer", ["anonymous", "signed in"])
@pytest.mark.parametrize("kind", PAGES)
def test_page_runs_the_same_queries_for_one_item_as_for_ten(
    twin, anon, reader, lists, kind, viewer
):
    browser = anon if viewer == "anonymous" else reader.browser
    names = {
        "few": lists.few.username,
        "many": lists.many.username,
        "few_tag": lists.few_tag,
        "many_tag": lists.many_tag,
        "few_slug": lists.few_slug,
        "many_slug": lists.many_slug,
    }
    small, large = (path.format(**names) for path in PAGES[kind])

    assert page_query_count(twin, browser, small) == page_query_count(twin, browser, large)
