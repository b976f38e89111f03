"""The raw WSGI floor on a small SQLite database: pages, 404s, escaping, Markdown, query counts."""

import sqlite3
import threading

import pytest

from benchmarks.apps.catalogue import ReaderSample
from benchmarks.apps.floor import hello, wsgi
from benchmarks.apps.inprocess import call

SCHEMA = """
CREATE TABLE accounts_user (id INTEGER PRIMARY KEY, username TEXT, bio TEXT, image TEXT);
CREATE TABLE blog_tag (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE blog_article (id INTEGER PRIMARY KEY, slug TEXT, title TEXT, description TEXT,
    body TEXT, created_at TEXT, updated_at TEXT, author_id INTEGER);
CREATE TABLE blog_article_tags (id INTEGER PRIMARY KEY, article_id INTEGER, tag_id INTEGER);
CREATE TABLE blog_article_favorited_by (id INTEGER PRIMARY KEY, article_id INTEGER,
    user_id INTEGER);
CREATE TABLE blog_comment (id INTEGER PRIMARY KEY, body TEXT, created_at TEXT, updated_at TEXT,
    article_id INTEGER, author_id INTEGER);
"""


@pytest.fixture
def floor(tmp_path, monkeypatch):
    """12 articles by two authors (the newest titled with markup), two tags, one comment."""
    path = tmp_path / "floor.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO accounts_user VALUES (1, 'ada', 'Writes <b>code</b>', '')")
    db.execute("INSERT INTO accounts_user VALUES (2, 'grace', '', 'https://example.org/g.png')")
    db.execute("INSERT INTO blog_tag VALUES (1, 'sqlite'), (2, 'api')")
    for number in range(1, 13):
        title = "<script>x</script> & co" if number == 12 else f"Article {number}"
        created = f"2026-03-{number:02d} 08:0{number % 10}:00.123456"
        db.execute(
            "INSERT INTO blog_article VALUES (?, ?, ?, 'About it', '**bold** body', ?, ?, ?)",
            (number, f"article-{number}", title, created, created, 1 + number % 2),
        )
    db.execute("INSERT INTO blog_article_tags VALUES (1, 12, 1), (2, 12, 2), (3, 3, 1)")
    db.execute("INSERT INTO blog_article_favorited_by VALUES (1, 12, 1), (2, 12, 2)")
    db.execute(
        "INSERT INTO blog_comment VALUES (1, 'line one\nline <two>', '2026-03-13 01:02:03.0',"
        " '2026-03-13 01:02:03.0', 12, 2)"
    )
    db.commit()
    db.close()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr(wsgi, "local", threading.local())
    return path


def get(path: str) -> tuple[int, str]:
    status, body = call(wsgi.application, "GET", path, [])
    return status, body.decode()


def test_home_lists_the_ten_newest_with_tags_favorites_and_pagination(floor):
    status, html = get("/")
    assert status == 200
    assert html.count('data-testid="article-preview"') == 10
    assert html.index('data-slug="article-12"') < html.index('data-slug="article-11"')
    assert "&lt;script&gt;x&lt;/script&gt; &amp; co" in html
    assert "<script>" not in html
    assert '<li data-testid="preview-tag">api</li><li data-testid="preview-tag">sqlite</li>' in html
    assert '<span data-testid="preview-favorites-count">2</span>' in html
    assert 'datetime="2026-03-12T08:02:00Z">March 12, 2026</time>' in html
    assert '<a data-testid="page-link" href="?page=1" aria-current="page">1</a>' in html
    assert '<a data-testid="tag-link" href="/tag/sqlite/">sqlite</a>' in html
    assert html.index("tag/sqlite/") < html.index("tag/api/")  # two articles before one


def test_later_pages_and_bad_page_numbers(floor):
    status, html = get("/?page=2")
    assert status == 200
    assert html.count('data-testid="article-preview"') == 2
    assert get("/?page=3")[0] == get("/?page=0")[0] == get("/?page=last")[0] == 404


def test_tag_page_lists_only_tagged_articles_and_its_tab(floor):
    status, html = get("/tag/sqlite/")
    assert status == 200
    assert html.count('data-testid="article-preview"') == 2
    assert 'data-testid="tab-tag" href="/tag/sqlite/" aria-current="page">#sqlite' in html
    assert 'data-testid="pagination"' not in html
    status, html = get("/tag/none/")
    assert status == 200
    assert 'data-testid="empty-list"' in html


def test_article_page_renders_markdown_and_comments(floor):
    status, html = get("/article/article-12/")
    assert status == 200
    assert "<strong>bold</strong>" in html
    assert '<p data-testid="comment-body">line one<br>line &lt;two&gt;</p>' in html
    assert 'href="/login/?next=/article/article-12/"' in html
    assert get("/article/missing/")[0] == 404


def test_profile_page_shows_bio_or_image_and_the_authors_articles(floor):
    status, html = get("/profile/ada/")
    assert status == 200
    assert '<p data-testid="profile-bio">Writes &lt;b&gt;code&lt;/b&gt;</p>' in html
    assert 'data-testid="profile-image"' not in html
    assert html.count('data-testid="article-preview"') == 6
    assert (
        'data-testid="profile-image" src="https://example.org/g.png"' in get("/profile/grace/")[1]
    )
    assert get("/profile/nobody/")[0] == 404


def test_query_count_header_counts_each_statement(floor, monkeypatch):
    monkeypatch.setattr(wsgi, "COUNT_QUERIES", True)
    counts = {}
    for path in ("/", "/article/article-12/", "/profile/ada/"):
        headers = {}
        wsgi.application(
            {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": ""},
            lambda status, pairs, headers=headers: headers.update(pairs),
        )
        counts[path] = int(headers["X-Query-Count"])
    assert counts == {"/": 4, "/article/article-12/": 3, "/profile/ada/": 4}


def test_reader_sample_is_the_newest_article_its_author_and_the_busiest_tag(floor):
    assert ReaderSample.from_sqlite(f"sqlite:///{floor}") == ReaderSample(
        "article-12", "ada", "sqlite"
    )


def test_plain_wsgi_hello():
    assert call(hello.application, "GET", "/", []) == (200, b"Hello, World!")
