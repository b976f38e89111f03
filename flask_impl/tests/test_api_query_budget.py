"""The article list and the feed run a fixed number of queries whatever `limit` and the number
of articles. Twin: django_impl/api/tests/test_query_budget.py.

Anonymous, `GET /api/articles`: the count of all matches, the page of articles (author joined;
favorites counted, and the reader's favorited and following flags, in subqueries of the same
SELECT), the page's tags (selectinload) = 3. With a token: + the token's user = 4.
`GET /api/articles/feed` (a token is required): the user, the count, the page, the tags = 4.
"""

import pytest

from flask_impl.extensions import db
from flask_impl.tests.factories import add_articles, make_article, make_user

BUDGETS = [
    ("/api/articles", False, 3),
    ("/api/articles", True, 4),
    ("/api/articles?tag=python&author=author&favorited=reader", False, 3),
    ("/api/articles?tag=python&author=author&favorited=reader", True, 4),
    ("/api/articles/feed", True, 4),
]


@pytest.mark.parametrize(("path", "with_token", "budget"), BUDGETS)
def test_list_runs_the_same_queries_for_any_limit_and_size(
    app, client, auth, path, with_token, budget
):
    with app.app_context():
        author, reader = make_user("author"), make_user("reader")
        reader.following.append(author)
        db.session.commit()
    headers = auth.token_header("reader") if with_token else {}
    separator = "&" if "?" in path else "?"

    counts = []
    for start, count in ((0, 3), (3, 12)):
        add_articles(app, start, count)
        for limit in (5, 20):
            response = client.get(f"{path}{separator}limit={limit}", headers=headers)
            assert response.status_code == 200
            assert response.json["articlesCount"] == start + count
            assert len(response.json["articles"]) == min(limit, start + count)
            counts.append(int(response.headers["X-Query-Count"]))

    assert counts == [budget] * 4


def test_the_feed_without_a_token_queries_nothing(client):
    response = client.get("/api/articles/feed")

    assert response.status_code == 401
    assert response.headers["X-Query-Count"] == "0"


@pytest.mark.parametrize(("with_token", "budget"), [(False, 2), (True, 3)])
def test_one_article_is_read_in_one_statement_and_its_tags(app, client, auth, with_token, budget):
    # the article (author joined, favorites counted, the reader's flags), its tags = 2;
    # with a token, the token's user first
    with app.app_context():
        make_user("author")
        make_user("reader")
    add_articles(app, 0, 1)
    headers = auth.token_header("reader") if with_token else {}

    response = client.get("/api/articles/article-0", headers=headers)

    assert response.status_code == 200
    assert response.json["article"]["tagList"] == ["python", "topic0"]
    assert response.headers["X-Query-Count"] == str(budget)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_a_favorite_is_one_statement_not_a_load_of_every_favorite(app, client, auth, method):
    # the token's user, the article, the favorite written = 3; the commit expires both rows,
    # so the answer reloads them, then reads the article with its flags and its tags = 7
    with app.app_context():
        author = make_user("author")
        make_user("reader")
        fans = [make_user(f"fan{number}") for number in range(5)]
        make_article(author, "Liked", favorited_by=fans)
    headers = auth.token_header("reader")

    response = client.open("/api/articles/liked/favorite", method=method, headers=headers)

    assert response.json["article"]["favorited"] is (method == "POST")
    assert response.headers["X-Query-Count"] == "7"


@pytest.mark.parametrize("method", ["POST", "DELETE"])
def test_a_follow_is_one_statement_not_a_load_of_every_follow(app, client, auth, method):
    # the token's user, the profile, the follow written = 3; the profile reloaded after the
    # commit for the answer = 4
    with app.app_context():
        reader = make_user("reader")
        authors = [make_user(f"author{number}") for number in range(5)]
        reader.following.extend(authors[1:])
        db.session.commit()
    headers = auth.token_header("reader")

    response = client.open("/api/profiles/author0/follow", method=method, headers=headers)

    assert response.json["profile"]["following"] is (method == "POST")
    assert response.headers["X-Query-Count"] == "4"
