"""The server-sent events of /events/articles. Twin: django_impl/blog/events.py."""

import json
import time
from collections.abc import Iterator

from sqlalchemy import func, select

from flask_impl.accounts.models import User
from flask_impl.blog.models import Article
from flask_impl.extensions import db

POLL_SECONDS = 1
KEEP_ALIVE_SECONDS = 15
OPENING = "retry: 3000\nevent: ready\ndata: {}\n\n"
KEEP_ALIVE = ": keep-alive\n\n"


def article_event(slug: str, title: str, author: str) -> str:
    data = json.dumps({"slug": slug, "title": title, "author": author})
    return f"event: article\ndata: {data}\n\n"


def read(statement):
    """Run one poll's query and end its transaction, so no connection is held between polls."""
    try:
        return db.session.execute(statement).all()
    finally:
        db.session.close()


def stream(seconds: int) -> Iterator[str]:
    """Articles created after the stream opened, polled once a second, until `seconds` are up.

    A poll asks for the articles whose id is above the last one sent.
    """
    ends_at = time.monotonic() + seconds
    kept_alive_at = time.monotonic()
    [(last_id,)] = read(select(func.coalesce(func.max(Article.id), 0)))
    yield OPENING
    while (pause := min(POLL_SECONDS, ends_at - time.monotonic())) > 0:
        time.sleep(pause)
        rows = read(
            select(Article.id, Article.slug, Article.title, User.username)
            .join(Article.author)
            .where(Article.id > last_id)
            .order_by(Article.id)
        )
        frames = [article_event(row.slug, row.title, row.username) for row in rows]
        if rows:
            last_id = rows[-1].id
        if time.monotonic() - kept_alive_at >= KEEP_ALIVE_SECONDS:
            frames.append(KEEP_ALIVE)
            kept_alive_at = time.monotonic()
        if frames:
            yield "".join(frames)
