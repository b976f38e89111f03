"""The floor as a WSGI callable: `gunicorn benchmarks.apps.floor.wsgi:application`.

It reads the Django twin's database (its table and column names, timestamps as UTC text) from
DATABASE_URL, sqlite:///path only. TWINS_COUNT_QUERIES=1 adds
X-Query-Count, as the twins do.
"""

import os
import re
import sqlite3
import threading
from urllib.parse import parse_qs, unquote

from benchmarks.apps.floor import pages, queries

HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
]
NOT_FOUND = b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>"
ROUTES = [
    (re.compile(r"/"), "home"),
    (re.compile(r"/tag/([^/]+)/"), "tag"),
    (re.compile(r"/article/([-a-zA-Z0-9_]+)/"), "article"),
    (re.compile(r"/profile/([^/]+)/"), "profile"),
]
COUNT_QUERIES = os.environ.get("TWINS_COUNT_QUERIES") == "1"
local = threading.local()


class NotFound(Exception):
    """The page does not exist: no such row, or a page number out of range."""


def database_path() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("sqlite:///"):
        raise RuntimeError(f"the floor reads SQLite only, DATABASE_URL is {url!r}")
    return unquote(url.removeprefix("sqlite:///"))


def connection() -> sqlite3.Connection:
    if not hasattr(local, "db"):
        local.db = queries.connect(database_path())
        if COUNT_QUERIES:
            local.db.set_trace_callback(count_statement)
    return local.db


def count_statement(_sql: str) -> None:
    local.statements += 1


def page_number(query_string: str, total: int) -> tuple[int, int]:
    """The ?page asked for and the number of pages; anything but 1..pages is a 404."""
    values = parse_qs(query_string).get("page", ["1"])
    page_count = max(1, -(-total // queries.PAGE_SIZE))
    if not values[-1].isdigit() or not 1 <= int(values[-1]) <= page_count:
        raise NotFound
    return int(values[-1]), page_count


def listing(db: sqlite3.Connection, query_string: str, where: str = "", params=()) -> str:
    page, page_count = page_number(query_string, queries.count_articles(db, where, params))
    articles = queries.previews(db, (page - 1) * queries.PAGE_SIZE, where, params)
    return pages.article_list(articles, page, page_count)


def home_page(db: sqlite3.Connection, query_string: str) -> str:
    return pages.home(listing(db, query_string), queries.popular_tags(db))


def tag_page(db: sqlite3.Connection, query_string: str, tag: str) -> str:
    articles = listing(db, query_string, "WHERE blog_tag.name = ?", (tag,))
    return pages.home(articles, queries.popular_tags(db), tag)


def article_page(db: sqlite3.Connection, query_string: str, slug: str) -> str:
    found = queries.article(db, slug)
    if found is None:
        raise NotFound
    return pages.article(found, queries.comments(db, found["id"]))


def profile_page(db: sqlite3.Connection, query_string: str, username: str) -> str:
    user = queries.user(db, username)
    if user is None:
        raise NotFound
    articles = listing(db, query_string, "WHERE blog_article.author_id = ?", (user["id"],))
    return pages.profile(user, articles)


VIEWS = {"home": home_page, "tag": tag_page, "article": article_page, "profile": profile_page}


def render(path: str, query_string: str) -> str:
    for pattern, name in ROUTES:
        match = pattern.fullmatch(path)
        if match:
            return VIEWS[name](connection(), query_string, *match.groups())
    raise NotFound


def application(environ, start_response):
    # WSGI hands the path over as latin-1; the twins' URLs are UTF-8.
    path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
    local.statements = 0
    status, body = "404 Not Found", NOT_FOUND
    if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
        try:
            body = render(path, environ.get("QUERY_STRING", "")).encode()
            status = "200 OK"
        except NotFound:
            pass
    headers = [*HEADERS, ("Content-Length", str(len(body)))]
    if COUNT_QUERIES:
        headers.append(("X-Query-Count", str(local.statements)))
    start_response(status, headers)
    return [body]
