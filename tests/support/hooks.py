"""Readers for the page contract's hooks: links, the current tab, dates, comments, tag counts."""

from datetime import UTC, datetime

from bs4 import Tag

from tests.support.browser import Browser, Page


def href(element: Tag) -> str:
    """The link target of a hook that is a link or holds one."""
    link = element if element.has_attr("href") else element.find("a", href=True)
    assert link is not None, f"no link in {element}"
    return link["href"]


def is_current(element: Tag) -> bool:
    """Whether a tab or page link is marked `aria-current="page"` (on itself or its link)."""
    marked = [element, *element.find_all(attrs={"aria-current": True})]
    return any(tag.get("aria-current") == "page" for tag in marked)


def time_of(element: Tag) -> tuple[datetime, str]:
    """The UTC instant of a date hook's `<time datetime>` and the text it shows."""
    time = element if element.name == "time" else element.find("time")
    assert time is not None, f"no <time> in {element}"
    value = time["datetime"]
    assert value.endswith("Z"), f"not a UTC timestamp: {value}"
    instant = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return instant, time.get_text(" ", strip=True)


def shown_date(instant: datetime) -> str:
    """How the pages write a date: `November 21, 2026`."""
    return f"{instant:%B} {instant.day}, {instant.year}"


def comment_ids(page: Page) -> list[str]:
    return [element["data-comment-id"] for element in page.all("comment")]


def tag_article_count(browser: Browser, tag: str) -> int:
    """How many articles a tag page lists in all, read from its last page."""
    first = browser.get(f"/tag/{tag}/")
    assert first.status == 200
    pages = [int(text) for text in first.texts("page-link")] or [1]
    last = first if max(pages) == 1 else browser.get(f"/tag/{tag}/?page={max(pages)}")
    return 10 * (max(pages) - 1) + len(last.all("article-preview"))


def preview(page: Page, slug: str) -> Tag:
    """The one preview of the article with this slug in a list."""
    found = page.soup.select(f'[data-testid="article-preview"][data-slug="{slug}"]')
    assert len(found) == 1, f"expected article {slug} once in the list, found {len(found)}"
    return found[0]
