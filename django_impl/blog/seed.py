"""Load a shared_spec/seed JSON file into an empty database. Twin: flask_impl/blog/seed.py."""

import json
from datetime import datetime
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import User
from blog.models import Article, Comment, Tag


def load_seed(path: Path) -> str:
    """Insert users, follows, tags, articles, favorites and comments with bulk inserts.

    Ids follow the file's order, so both twins give every row the same id. Each distinct
    password is hashed once: PBKDF2 is deliberately slow.
    """
    if User.objects.exists():
        return "The database already has users: seed not loaded."
    data = json.loads(Path(path).read_text())
    with transaction.atomic():
        users = load_users(data["users"])
        User.following.through.objects.bulk_create(
            User.following.through(from_user_id=users[follower], to_user_id=users[followed])
            for follower, followed in data["follows"]
        )
        articles = load_articles(data["articles"], users)
        Article.favorited_by.through.objects.bulk_create(
            Article.favorited_by.through(article_id=articles[slug], user_id=users[username])
            for username, slug in data["favorites"]
        )
        Comment.objects.bulk_create(
            Comment(
                article_id=articles[row["article"]],
                author_id=users[row["author"]],
                body=row["body"],
                created_at=datetime.fromisoformat(row["created_at"]),
                updated_at=datetime.fromisoformat(row["created_at"]),
            )
            for row in data["comments"]
        )
    return (
        f"Loaded {len(users)} users, {len(articles)} articles, "
        f"{len(data['comments'])} comments from {path}."
    )


def load_users(rows: list[dict]) -> dict[str, int]:
    """Create the users and return their ids by username."""
    hashes = {password: make_password(password) for password in {row["password"] for row in rows}}
    users = User.objects.bulk_create(
        User(
            username=row["username"],
            email=User.objects.normalize_email(row["email"]),
            password=hashes[row["password"]],
            bio=row["bio"] or "",
            image=row["image"] or "",
            date_joined=datetime.fromisoformat(row["date_joined"]),
        )
        for row in rows
    )
    return {user.username: user.pk for user in users}


def load_articles(rows: list[dict], users: dict[str, int]) -> dict[str, int]:
    """Create the tags (in order of first use), the articles and their tag links."""
    tag_names = dict.fromkeys(name for row in rows for name in row["tags"])
    tags = {tag.name: tag.pk for tag in Tag.objects.bulk_create(Tag(name=n) for n in tag_names)}
    articles = Article.objects.bulk_create(
        Article(
            slug=row["slug"],
            title=row["title"],
            description=row["description"],
            body=row["body"],
            author_id=users[row["author"]],
            created_at=datetime.fromisoformat(row["created_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
        )
        for row in rows
    )
    Article.tags.through.objects.bulk_create(
        Article.tags.through(article_id=article.pk, tag_id=tags[name])
        for article, row in zip(articles, rows, strict=True)
        for name in row["tags"]
    )
    return {article.slug: article.pk for article in articles}
