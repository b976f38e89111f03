"""In a real browser (Debian's Chromium, driven by Playwright): long words and long code lines
wrap or scroll inside their box, so the page stays as wide as the window; comments keep their
line breaks. Skipped when Chromium is not installed."""

import shutil
from pathlib import Path

import pytest

from tests.support.factories import add_comment, write_article

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")

WORD = "w" * 500
CODE_LINE = "x = '" + "c" * 494 + "'"
WIDTHS = [1280, 375]
PAGE_WIDTH = "() => document.documentElement.scrollWidth"
CODE_BOX = """() => { const pre = document.querySelector('[data-testid="article-body"] pre');
  return [pre.scrollWidth > pre.clientWidth, pre.getBoundingClientRect().right]; }"""


@pytest.fixture(scope="module")
def chromium():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def long_article(writer) -> str:
    """An article whose title, description, body and comment hold words longer than any window."""
    slug = write_article(
        writer.browser,
        title="t" * 120,
        description=WORD[:255],
        body=f"{WORD}\n\n> {WORD}\n\n`{WORD}`\n\n```\n{CODE_LINE}\n```\n",
    )
    assert add_comment(writer.browser, slug, WORD).status == 302
    return slug


def opened(chromium, twin, path: str, width: int):
    page = chromium.new_page(viewport={"width": width, "height": 800})
    page.goto(twin.base_url + path, wait_until="load")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["/article/{slug}/", "/", "/profile/{author}/"])
def test_long_words_keep_the_page_at_the_window_width(
    chromium, twin, writer, long_article, path, width
):
    page = opened(chromium, twin, path.format(slug=long_article, author=writer.username), width)
    try:
        assert page.evaluate(PAGE_WIDTH) == width
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_long_code_line_scrolls_inside_its_box(chromium, twin, long_article, width):
    page = opened(chromium, twin, f"/article/{long_article}/", width)
    try:
        scrolls, right = page.evaluate(CODE_BOX)
    finally:
        page.close()

    assert scrolls
    assert right <= width


def test_a_comment_keeps_its_line_breaks(chromium, twin, writer):
    slug = write_article(writer.browser)
    add_comment(writer.browser, slug, "First line,\nsecond line <b>not bold</b>.")
    page = opened(chromium, twin, f"/article/{slug}/", 1280)
    try:
        shown = page.inner_text('[data-testid="comment-body"]')
        bold = page.locator('[data-testid="comment-body"] b').count()
    finally:
        page.close()

    assert shown == "First line,\nsecond line <b>not bold</b>."
    assert bold == 0
