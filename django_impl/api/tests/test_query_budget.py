"""The list endpoints run a fixed number of queries whatever they list. Twin:
flask_impl/tests/test_api_query_budget.py."""

from django.test import TestCase

from api.auth import make_token
from blog.tests.factories import grow_articles, make_user


class QueryBudgetTests(TestCase):
    """Each list is measured with 3 and then 15 articles, at limit 5 and 20: the count must not
    change.

    Anonymous: the count of all matches, the page (author joined, favorites counted), the page's
    tags. With a token, one more first: the token's user. Whether the reader favorited each
    article and follows its author are subqueries of the page's own statement.
    """

    @classmethod
    def setUpTestData(cls):
        cls.author = make_user("author")
        cls.reader = make_user("reader")
        cls.reader.following.add(cls.author)
        cls.token = make_token(cls.reader)

    def assert_budget(self, path, queries, filters=(), **headers):
        for total in (3, 15):
            grow_articles(self.author, self.reader, total)
            for limit in (5, 20):
                with self.subTest(articles=total, limit=limit), self.assertNumQueries(queries):
                    response = self.client.get(
                        path, {**dict(filters), "limit": limit}, headers=headers
                    )
                self.assertEqual(len(response.json()["articles"]), min(limit, total))
                self.assertEqual(response.json()["articlesCount"], total)

    def test_list_anonymous(self):
        self.assert_budget("/api/articles", 3)

    def test_list_with_a_token(self):
        self.assert_budget("/api/articles", 4, authorization=f"Token {self.token}")

    def test_list_filtered_by_tag_and_favorited(self):
        self.assert_budget("/api/articles", 3, {"tag": "python", "favorited": "reader"})

    def test_feed_with_a_token(self):
        self.assert_budget("/api/articles/feed", 4, authorization=f"Token {self.token}")

    def test_feed_without_a_token_queries_nothing(self):
        with self.assertNumQueries(0):
            response = self.client.get("/api/articles/feed")

        self.assertEqual(response.status_code, 401)

    def test_one_article_anonymous_and_with_a_token(self):
        # the article (author joined, favorites counted, the reader's flags), its tags;
        # with a token, the token's user first
        grow_articles(self.author, self.reader, 1)
        for queries, headers in ((2, {}), (3, {"authorization": f"Token {self.token}"})):
            with self.subTest(queries=queries), self.assertNumQueries(queries):
                response = self.client.get("/api/articles/article-0", headers=headers)
            self.assertEqual(response.json()["article"]["tagList"], ["python", "topic0"])
