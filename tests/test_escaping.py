"""User text is shown as text: HTML is escaped everywhere and Markdown makes no dangerous links."""

import pytest

from tests.support.factories import add_comment, change_settings, unique, write_article


def payload() -> tuple[str, str]:
    """A script and an event-handler payload, marked so that the test finds its own."""
    marker = unique("xss")
    return marker, f"<script>alert('{marker}')</script><img src=x onerror=\"alert('{marker}')\">"


def assert_inert(page, marker: str) -> None:
    """No script element carries the payload and no element got its event handler."""
    assert page.status == 200
    assert not [script for script in page.soup.find_all("script") if marker in script.get_text()]
    assert not page.soup.find_all(attrs={"onerror": True})
    assert marker not in str(page.soup.find_all("img"))


@pytest.mark.parametrize(
    ("field", "article_hook", "preview_hook"),
    [
        ("title", "article-title", "preview-title"),
        ("description", "article-description", "preview-description"),
    ],
)
def test_html_in_an_article_field_is_shown_escaped(anon, writer, field, article_hook, preview_hook):
    marker, text = payload()
    tag = unique("t")
    slug = write_article(writer.browser, tags=tag, **{field: text})

    article = anon.get(f"/article/{slug}/")
    listing = anon.get(f"/tag/{tag}/")

    assert article.text(article_hook) == text
    assert_inert(article, marker)
    assert listing.text(preview_hook) == text
    assert_inert(listing, marker)


def test_html_in_a_body_is_shown_as_text(anon, writer):
    marker, text = payload()
    slug = write_article(writer.browser, body=f"Before.\n\n{text}\n\n<b>bold</b> after.")

    article = anon.get(f"/article/{slug}/")

    body = article.one("article-body")
    assert text in body.get_text()
    assert "<b>bold</b>" in body.get_text()
    assert body.find("b") is None
    assert_inert(article, marker)


def test_html_in_a_comment_is_shown_escaped(anon, writer):
    marker, text = payload()
    slug = write_article(writer.browser)
    add_comment(writer.browser, slug, text)

    article = anon.get(f"/article/{slug}/")

    assert article.text("comment-body") == text
    assert_inert(article, marker)


def test_html_in_a_bio_is_shown_escaped(anon, account):
    marker, text = payload()
    change_settings(account.browser, bio=text)

    profile = anon.get(f"/profile/{account.username}/")

    assert profile.text("profile-bio") == text
    assert_inert(profile, marker)


def test_quotes_in_an_image_url_stay_inside_the_attribute(anon, account):
    image = 'https://img.example/a.png?x="onerror="alert(1)'

    change_settings(account.browser, image=image)

    profile = anon.get(f"/profile/{account.username}/")
    assert profile.one("profile-image")["src"] == image
    assert not profile.soup.find_all(attrs={"onerror": True})


@pytest.mark.parametrize(
    "markdown",
    [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](file:///etc/passwd)",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        "![pic](javascript:alert(1))",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
    ],
)
def test_markdown_makes_no_dangerous_links(anon, writer, markdown):
    slug = write_article(writer.browser, body=f"See {markdown} here.")

    body = anon.get(f"/article/{slug}/").one("article-body")

    assert body.get_text(" ", strip=True).startswith("See ")
    assert "here." in body.get_text()
    targets = [
        element.get(attribute, "").strip().lower()
        for element in body.find_all(True)
        for attribute in ("href", "src")
    ]
    assert not [t for t in targets if t.startswith(("javascript:", "vbscript:", "file:", "data:"))]


def test_markdown_keeps_safe_links(anon, writer):
    slug = write_article(writer.browser, body="Read [the docs](https://docs.example/x).")

    link = anon.get(f"/article/{slug}/").one("article-body").find("a")

    assert link["href"] == "https://docs.example/x"
    assert link.get_text() == "the docs"
