"""Open a report page in Debian's Chromium (Playwright) and list what is wrong with it.

Wrong: a console error or uncaught exception, a link whose target is missing (an internal
anchor with no element of that id, or any link leaving the page: the report works offline), an
image that does not load.
"""

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"""
BROKEN_IMAGES = """() => [...document.images].filter(i => !i.complete || i.naturalWidth === 0)
                   .map(i => i.alt || i.src.slice(0, 60))"""
IDS = """() => [...document.querySelectorAll('[id]')].map(e => e.id)"""


def page_problems(path: Path) -> list[str]:
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page()
            page.on("console", lambda message: message.type == "error"
                    and problems.append(f"console error: {message.text}"))  # fmt: skip
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("requestfailed", lambda request: problems.append(
                f"request failed: {request.url[:80]}"))  # fmt: skip
            page.goto(path.resolve().as_uri(), wait_until="load", timeout=30_000)
            ids = set(page.evaluate(IDS))
            for href in page.evaluate(LINKS):
                if not href.startswith("#"):
                    problems.append(f"link leaves the page: {href}")
                elif href[1:] not in ids:
                    problems.append(f"broken link: {href}")
            problems += [f"image does not load: {name}" for name in page.evaluate(BROKEN_IMAGES)]
        finally:
            browser.close()
    return problems
