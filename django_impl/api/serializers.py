"""The RealWorld JSON shapes of users, profiles, articles and comments.

Plain functions of the rows; `favorited` and `following` are annotations of the reader's query
(ArticleQuerySet.for_reader, blog.services.comments_for). Twin: flask_impl/api/serializers.py.
"""

from datetime import UTC, datetime
from typing import Any

from accounts.models import User
from blog.models import Article, Comment


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and `Z`, e.g. `2026-11-21T05:09:30.123Z`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def user_json(user: User, token: str) -> dict[str, Any]:
    return {
        "email": user.email,
        "token": token,
        "username": user.username,
        "bio": user.bio or None,
        "image": user.image or None,
    }


def profile_json(user: User, following: bool) -> dict[str, Any]:
    return {
        "username": user.username,
        "bio": user.bio or None,
        "image": user.image or None,
        "following": following,
    }


def article_json(article: Article, *, with_body: bool = True) -> dict[str, Any]:
    """An article; lists leave out the body (and do not load it)."""
    fields = {
        "slug": article.slug,
        "title": article.title,
        "description": article.description,
        "tagList": [tag.name for tag in article.tags.all()],
        "createdAt": timestamp(article.created_at),
        "updatedAt": timestamp(article.updated_at),
        "favorited": article.favorited,
        "favoritesCount": article.favorites_count,
        "author": profile_json(article.author, article.following),
    }
    if with_body:
        fields["body"] = article.body
    return fields


def comment_json(comment: Comment) -> dict[str, Any]:
    return {
        "id": comment.pk,
        "createdAt": timestamp(comment.created_at),
        "updatedAt": timestamp(comment.updated_at),
        "body": comment.body,
        "author": profile_json(comment.author, comment.following),
    }
