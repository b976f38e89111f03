"""Rows for the tests, made through the services. Twin: django_impl/blog/tests/factories.py."""

from sqlalchemy import select

from flask_impl.accounts import services as account_services
from flask_impl.accounts.models import User
from flask_impl.blog import writes
from flask_impl.blog.models import Article
from flask_impl.extensions import db

PASSWORD = "correct-horse-battery"


def make_user(username: str) -> User:
    """A user signing in as `<username>@example.com` with PASSWORD (call in an app context)."""
    user = account_services.create_user(username, f"{username}@example.com", PASSWORD)
    db.session.commit()
    return user


def make_article(author: User, title: str, tags=(), favorited_by=(), comments=0) -> Article:
    article = writes.create_article(
        author, title=title, description=f"About {title}.", body=f"# {title}", tags=list(tags)
    )
    article.favorited_by.extend(favorited_by)
    for number in range(comments):
        writes.add_comment(article, author, f"Comment {number}")
    db.session.commit()
    return article


def add_articles(app, start: int, count: int) -> None:
    """Articles by `author`, each with two tags, two favorites and two comments."""
    with app.app_context():
        author = db.session.scalar(select(User).where(User.username == "author"))
        reader = db.session.scalar(select(User).where(User.username == "reader"))
        for number in range(start, start + count):
            make_article(
                author,
                f"Article {number}",
                tags=["python", f"topic{number % 4}"],
                favorited_by=[reader, author],
                comments=2,
            )
