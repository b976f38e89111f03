"""List pages run a fixed number of queries whatever they show.

Twin: django_impl/blog/tests/test_query_budget.py.
"""

import pytest
from sqlalchemy import event

from flask_impl.extensions import db
from flask_impl.tests.factories import add_articles, make_user

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


@pytest.mark.parametrize(("path", "signed_in", "budget"), BUDGETS)
def test_page_runs_the_same_queries_for_3_and_15_articles(
    app, client, auth, path, signed_in, budget
):
    with app.app_context():
        make_user("author")
        make_user("reader")
    if signed_in:
        auth.login("reader")

    counts = []
    for start, count in ((0, 3), (3, 12)):
        add_articles(app, start, count)
        response = client.get(path)
        assert response.status_code == 200
        assert response.text.count('data-testid="article-preview"') == min(10, start + count)
        counts.append(int(response.headers["X-Query-Count"]))

    assert counts == [budget, budget]


def test_posting_a_comment_loads_none_of_the_others(app, client, auth):
    # the user row (Flask-Login), the article alone, the insert = 3, with 7 comments there or 13
    with app.app_context():
        make_user("reader")
        make_user("author")
    add_articles(app, 0, 1)
    auth.login("reader")

    counts = []
    for _ in range(2):
        for number in range(6):
            response = client.post_form("/article/article-0/comments/", {"body": f"N{number}"})
            assert response.status_code == 302
        counts.append(int(response.headers["X-Query-Count"]))

    assert counts == [3, 3]


@pytest.mark.parametrize("path", ["/", "/tag/python/", "/profile/author/"])
def test_list_pages_never_read_the_article_body(app, client, path):
    """Previews show no body, so none is loaded (`previews()` defers it)."""
    with app.app_context():
        make_user("author")
        make_user("reader")
    add_articles(app, 0, 3)
    statements = []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    # The page of previews (LIMIT); the paginator's count wraps the select and returns a number.
    article_reads = [s for s in statements if "FROM article" in s and "LIMIT" in s]
    assert article_reads
    assert not [s for s in article_reads if "article.body" in s]
