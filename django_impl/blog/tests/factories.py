"""Rows for the blog's tests, made through the ORM. Twin: flask_impl/tests/factories.py."""

from accounts.models import User
from blog import services
from blog.models import Article, Comment, Tag


def make_user(username: str) -> User:
    """A user without a usable password: tests sign in with force_login, so nothing is hashed."""
    return User.objects.create_user(f"{username}@example.com", username)


def make_article(author: User, title: str, tags=(), favorited_by=(), comments=0) -> Article:
    article = Article.objects.create(
        author=author,
        slug=services.unique_slug(title),
        title=title,
        description=f"About {title}.",
        body=f"# {title}",
    )
    article.tags.set([Tag.objects.get_or_create(name=name)[0] for name in tags])
    article.favorited_by.add(*favorited_by)
    Comment.objects.bulk_create(
        Comment(article=article, author=author, body=f"Comment {number}")
        for number in range(comments)
    )
    return article


def grow_articles(author, reader, total):
    """Add articles by author up to total, each with two tags, two favorites and two comments."""
    for number in range(author.articles.count(), total):
        make_article(
            author,
            f"Article {number}",
            tags=["python", f"topic{number % 4}"],
            favorited_by=[reader, author],
            comments=2,
        )
