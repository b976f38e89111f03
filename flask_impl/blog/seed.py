"""Load shared_spec/seed JSON into an empty database, in order. Twin: django_impl/blog/seed.py."""

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from werkzeug.security import generate_password_hash

from flask_impl.accounts.models import User, follows
from flask_impl.blog.models import Article, Comment, Tag, article_favorites, article_tags
from flask_impl.extensions import db


def load_seed(path: Path) -> str:
    """Insert users, follows, tags, articles, favorites and comments with bulk inserts.

    Ids follow the file's order, so both twins give every row the same id. Each distinct
    password is hashed once: scrypt is deliberately slow.
    """
    if db.session.scalar(select(User.id).limit(1)) is not None:
        return "The database already has users: seed not loaded."
    data = json.loads(Path(path).read_text())
    users = load_users(data["users"])
    bulk_insert(
        follows,
        [
            {"from_user_id": users[follower], "to_user_id": users[followed]}
            for follower, followed in data["follows"]
        ],
    )
    articles = load_articles(data["articles"], users)
    bulk_insert(
        article_favorites,
        [
            {"article_id": articles[slug], "user_id": users[username]}
            for username, slug in data["favorites"]
        ],
    )
    bulk_insert(
        Comment,
        [
            {
                "article_id": articles[row["article"]],
                "author_id": users[row["author"]],
                "body": row["body"],
                "created_at": datetime.fromisoformat(row["created_at"]),
                "updated_at": datetime.fromisoformat(row["created_at"]),
            }
            for row in data["comments"]
        ],
    )
    db.session.commit()
    return (
        f"Loaded {len(users)} users, {len(articles)} articles, "
        f"{len(data['comments'])} comments from {path}."
    )


def bulk_insert(target, rows: list[dict]) -> None:
    """One executemany INSERT (SQLAlchemy batches it into multi-row VALUES where it can)."""
    if rows:
        db.session.execute(insert(target), rows)


def load_users(rows: list[dict]) -> dict[str, int]:
    """Create the users and return their ids by username."""
    hashes = {
        password: generate_password_hash(password) for password in {r["password"] for r in rows}
    }
    bulk_insert(
        User,
        [
            {
                "username": row["username"],
                "email": row["email"].strip().lower(),
                "password": hashes[row["password"]],
                "bio": row["bio"] or None,
                "image": row["image"] or None,
                "is_active": True,
                "date_joined": datetime.fromisoformat(row["date_joined"]),
            }
            for row in rows
        ],
    )
    return dict(db.session.execute(select(User.username, User.id)).all())


def load_articles(rows: list[dict], users: dict[str, int]) -> dict[str, int]:
    """Create the tags (in order of first use), the articles and their tag links."""
    tag_names = dict.fromkeys(name for row in rows for name in row["tags"])
    bulk_insert(Tag, [{"name": name} for name in tag_names])
    tags = dict(db.session.execute(select(Tag.name, Tag.id)).all())
    bulk_insert(
        Article,
        [
            {
                "slug": row["slug"],
                "title": row["title"],
                "description": row["description"],
                "body": row["body"],
                "author_id": users[row["author"]],
                "created_at": datetime.fromisoformat(row["created_at"]),
                "updated_at": datetime.fromisoformat(row["updated_at"]),
            }
            for row in rows
        ],
    )
    articles = dict(db.session.execute(select(Article.slug, Article.id)).all())
    bulk_insert(
        article_tags,
        [
            {"article_id": articles[row["slug"]], "tag_id": tags[name]}
            for row in rows
            for name in row["tags"]
        ],
    )
    return articles
