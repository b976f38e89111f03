"""List pages run a fixed number of queries whatever they show. Twin: django_impl/blog/tests/."""

import pytest
from sqlalchemy import select

from flask_impl.accounts.models import User
from flask_impl.blog.tests.factories import make_article, make_user
from flask_impl.conftest import sign_in
from flask_impl.extensions import db

# Anonymous: the session is a signed cookie and nobody is signed in, so no query for either.
#   home, tag: the page of articles (author joined, favorites counted in a subquery), their
#              tags (selectinload), the count for the paginator, the popular tags = 4
#   profile:   the profile's user, the page, its tags, the count = 4 (no popular tags there)
# Signed in: + the user row (Flask-Login's user_loader); on someone else's profile also
#   + whether the reader follows them.
BUDGETS = [
    ("/", False, 4),
    ("/", True, 5),
    ("/tag/python/", False, 4),
    ("/tag/python/", True, 5),
    ("/profile/author/", False, 4),
    ("/profile/author/", True, 6),
]


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


@pytest.mark.parametrize(("path", "signed_in", "budget"), BUDGETS)
def test_page_runs_the_same_queries_for_3_and_15_articles(app, client, path, signed_in, budget):
    with app.app_context():
        make_user("author")
        make_user("reader")
    if signed_in:
        sign_in(client, "reader")

    counts = []
    for start, count in ((0, 3), (3, 12)):
        add_articles(app, start, count)
        response = client.get(path)
        assert response.status_code == 200
        assert response.text.count('data-testid="article-preview"') == min(10, start + count)
        counts.append(int(response.headers["X-Query-Count"]))

    assert counts == [budget, budget]
