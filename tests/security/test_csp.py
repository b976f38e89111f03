"""The Content-Security-Policy (policies.md) in a real browser (Debian's Chromium, driven by
Playwright): every page, signed out and in, shows with no console error and no violation, an
https: image from another host included. Skipped when Chromium is not installed."""

import shutil
from pathlib import Path

import pytest

from tests.support.factories import add_comment, change_settings, favorite, write_article

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed")

IMAGE_HOST = "https://img.example"
# The smallest GIF: what the foreign image host answers, so that no request leaves the machine.
GIF = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b"
)
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));"""
SIGNED_OUT = [
    "/",
    "/login/",
    "/register/",
    "/tag/{tag}/",
    "/article/{slug}/",
    "/profile/{username}/",
    "/profile/{username}/favorites/",
]
SIGNED_IN = [
    *SIGNED_OUT[:1],
    "/feed/",
    "/settings/",
    "/editor/",
    "/editor/{slug}/",
    "/article/{slug}/",
    "/article/{slug}/delete/",
    "/article/{slug}/comments/{comment}/delete/",
    "/profile/{username}/",
    "/profile/{username}/favorites/",
    "/tag/{tag}/",
]


@pytest.fixture(scope="module")
def chromium():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(writer) -> dict[str, str]:
    """The writer with a picture and an article with an image, a comment and a favorite."""
    tag = f"csp{writer.username[-8:]}"
    change_settings(writer.browser, image=f"{IMAGE_HOST}/me.gif", bio="Writes.")
    slug = write_article(
        writer.browser, body=f"An image: ![a dot]({IMAGE_HOST}/dot.gif)\n\n*Markdown*.", tags=tag
    )
    assert add_comment(writer.browser, slug, "A comment.").status == 302
    assert favorite(writer.browser, slug).status == 302
    comment = writer.browser.get(f"/article/{slug}/").one("comment")["data-comment-id"]
    return {"slug": slug, "comment": comment, "username": writer.username, "tag": tag}


def problems(chromium, twin, path: str, cookies: list[dict]) -> list[str]:
    """Console errors and CSP violations while the page loads (and the foreign image with it)."""
    context = chromium.new_context()
    context.add_cookies(cookies)
    context.route(
        f"{IMAGE_HOST}/**", lambda route: route.fulfill(body=GIF, content_type="image/gif")
    )
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: found.append(str(error)))
    try:
        response = page.goto(twin.base_url + path, wait_until="load")
        assert response.status == 200, path
        assert response.headers.get("content-security-policy"), path
        page.wait_for_load_state("networkidle")
        found += page.evaluate("window.__violations")
        shown = page.evaluate(
            "[...document.images].every((img) => img.complete && img.naturalWidth > 0)"
        )
        assert shown, f"{path}: an image was not shown"
    finally:
        context.close()
    return found


def cookies_of(browser, twin) -> list[dict]:
    return [
        {"name": cookie.name, "value": cookie.value, "url": twin.base_url}
        for cookie in browser.session.cookies
    ]


@pytest.mark.parametrize("path", SIGNED_OUT)
def test_pages_signed_out_show_with_no_violation(chromium, twin, site, path):
    assert problems(chromium, twin, path.format(**site), []) == []


@pytest.mark.parametrize("path", SIGNED_IN)
def test_pages_signed_in_show_with_no_violation(chromium, twin, writer, site, path):
    cookies = cookies_of(writer.browser, twin)

    assert problems(chromium, twin, path.format(**site), cookies) == []


def test_the_policy_blocks_an_inline_script(chromium, twin, site):
    """The check can fail: a script the page did not bring from the site is refused and seen."""
    context = chromium.new_context()
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    try:
        page.goto(twin.base_url + "/", wait_until="load")
        page.evaluate("""() => { const s = document.createElement('script');
          s.textContent = 'window.__ran = true'; document.body.append(s); }""")
        page.wait_for_timeout(200)
        ran = page.evaluate("window.__ran === true")
        violations = page.evaluate("window.__violations")
    finally:
        context.close()

    assert not ran
    assert any(violation.startswith("script-src") for violation in violations)
