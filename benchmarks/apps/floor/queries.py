"""The floor's SQL: the statements the twins run for the reader pages, signed out."""

import sqlite3

PAGE_SIZE = 10
POPULAR_TAGS = 20

# What a preview shows: the article, its favorites count (a correlated subquery, as both twins
# write it) and its author (joined). The body is never read for a list.
PREVIEW_COLUMNS = """
    blog_article.id, blog_article.slug, blog_article.title, blog_article.description,
    blog_article.created_at,
    COALESCE((SELECT COUNT(favorite.id) FROM blog_article_favorited_by favorite
              WHERE favorite.article_id = blog_article.id GROUP BY favorite.article_id), 0),
    accounts_user.username
"""
NEWEST_FIRST = "ORDER BY blog_article.created_at DESC, blog_article.id DESC"


def connect(path: str) -> sqlite3.Connection:
    """One connection per worker, kept open as the twins keep theirs."""
    connection = sqlite3.connect(path, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout=5000")
    return connection


def count_articles(db: sqlite3.Connection, where: str = "", params: tuple = ()) -> int:
    joins = tag_joins() if "blog_tag.name" in where else ""
    sql = f"SELECT COUNT(*) FROM blog_article {joins} {where}"
    return db.execute(sql, params).fetchone()[0]


def tag_joins() -> str:
    return (
        "INNER JOIN blog_article_tags ON blog_article.id = blog_article_tags.article_id "
        "INNER JOIN blog_tag ON blog_article_tags.tag_id = blog_tag.id"
    )


def previews(
    db: sqlite3.Connection, offset: int, where: str = "", params: tuple = ()
) -> list[dict]:
    """Ten previews from offset on, newest first, each with its tags (one more query for all)."""
    joins = tag_joins() if "blog_tag.name" in where else ""
    sql = (
        f"SELECT {PREVIEW_COLUMNS} FROM blog_article {joins} "
        "INNER JOIN accounts_user ON blog_article.author_id = accounts_user.id "
        f"{where} {NEWEST_FIRST} LIMIT {PAGE_SIZE} OFFSET {offset}"
    )
    keys = ("id", "slug", "title", "description", "created_at", "favorites_count", "author")
    articles = [dict(zip(keys, row, strict=True)) for row in db.execute(sql, params)]
    tags = tags_of(db, [article["id"] for article in articles])
    for article in articles:
        article["tags"] = tags.get(article["id"], [])
    return articles


def tags_of(db: sqlite3.Connection, article_ids: list[int]) -> dict[int, list[str]]:
    """Each article's tag names in name order."""
    if not article_ids:
        return {}
    marks = ", ".join("?" * len(article_ids))
    sql = (
        "SELECT blog_article_tags.article_id, blog_tag.name FROM blog_tag "
        "INNER JOIN blog_article_tags ON blog_tag.id = blog_article_tags.tag_id "
        f"WHERE blog_article_tags.article_id IN ({marks}) ORDER BY blog_tag.name ASC"
    )
    tags: dict[int, list[str]] = {}
    for article_id, name in db.execute(sql, article_ids):
        tags.setdefault(article_id, []).append(name)
    return tags


def popular_tags(db: sqlite3.Connection) -> list[str]:
    """The 20 tags with the most articles, ties by name."""
    sql = (
        "SELECT blog_tag.name, COUNT(blog_article_tags.article_id) AS article_count FROM blog_tag "
        "LEFT OUTER JOIN blog_article_tags ON blog_tag.id = blog_article_tags.tag_id "
        "GROUP BY blog_tag.id, blog_tag.name HAVING COUNT(blog_article_tags.article_id) > 0 "
        f"ORDER BY article_count DESC, blog_tag.name ASC LIMIT {POPULAR_TAGS}"
    )
    return [name for name, _count in db.execute(sql)]


def article(db: sqlite3.Connection, slug: str) -> dict | None:
    """One article with its body, favorites count, author and tags."""
    columns = PREVIEW_COLUMNS + ", blog_article.body"
    sql = (
        f"SELECT {columns} FROM blog_article "
        "INNER JOIN accounts_user ON blog_article.author_id = accounts_user.id "
        "WHERE blog_article.slug = ? LIMIT 21"
    )
    row = db.execute(sql, (slug,)).fetchone()
    if row is None:
        return None
    keys = ("id", "slug", "title", "description", "created_at", "favorites_count", "author")
    found = dict(zip(keys, row[:-1], strict=True), body=row[-1])
    found["tags"] = tags_of(db, [found["id"]]).get(found["id"], [])
    return found


def comments(db: sqlite3.Connection, article_id: int) -> list[dict]:
    """The article's comments, newest first, each with its author joined."""
    sql = (
        "SELECT blog_comment.id, blog_comment.body, blog_comment.created_at, "
        "accounts_user.username FROM blog_comment "
        "INNER JOIN accounts_user ON blog_comment.author_id = accounts_user.id "
        "WHERE blog_comment.article_id = ? "
        "ORDER BY blog_comment.created_at DESC, blog_comment.id DESC"
    )
    keys = ("id", "body", "created_at", "author")
    return [dict(zip(keys, row, strict=True)) for row in db.execute(sql, (article_id,))]


def user(db: sqlite3.Connection, username: str) -> dict | None:
    sql = "SELECT id, username, bio, image FROM accounts_user WHERE username = ? LIMIT 21"
    row = db.execute(sql, (username,)).fetchone()
    return None if row is None else dict(zip(("id", "username", "bio", "image"), row, strict=True))
