"""List pages run a fixed number of queries whatever they show.

Twin: flask_impl/tests/test_blog_query_budget.py.
"""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from blog.tests.factories import grow_articles, make_user


class QueryBudgetTests(TestCase):
    """Each page is measured with 3 and then 15 articles: the count must not change.

    Anonymous visitors have no session, so no session or user query; signed in adds the
    session row and the user row.
    """

    @classmethod
    def setUpTestData(cls):
        cls.author = make_user("author")
        cls.reader = make_user("reader")

    def assert_budget(self, path, queries):
        for total in (3, 15):
            grow_articles(self.author, self.reader, total)
            with self.subTest(articles=total), self.assertNumQueries(queries):
                response = self.client.get(path)
            self.assertContains(response, 'data-testid="article-preview"', count=min(10, total))

    def test_home_anonymous(self):
        # count for the paginator, the page (author joined, favorites counted), its tags,
        # the popular tags
        self.assert_budget("/", 4)

    def test_home_signed_in(self):
        self.client.force_login(self.reader)
        self.assert_budget("/", 6)

    def test_tag_page_anonymous(self):
        self.assert_budget("/tag/python/", 4)

    def test_tag_page_signed_in(self):
        self.client.force_login(self.reader)
        self.assert_budget("/tag/python/", 6)

    def test_profile_anonymous(self):
        # the profile's user, count, page, tags (profiles show no popular tags)
        self.assert_budget("/profile/author/", 4)

    def test_profile_signed_in(self):
        # + session, user, and whether the reader follows the author
        self.client.force_login(self.reader)
        self.assert_budget("/profile/author/", 7)

    def test_posting_a_comment_loads_none_of_the_others(self):
        # session, user, the article alone, the insert;
        # the same whether the article has 2 comments or 9
        grow_articles(self.author, self.reader, 1)
        self.client.force_login(self.reader)
        for total in (2, 9):
            with self.subTest(comments=total), self.assertNumQueries(4):
                response = self.client.post("/article/article-0/comments/", {"body": "Hi"})
            self.assertEqual(response.status_code, 302)
            for number in range(6):
                self.client.post("/article/article-0/comments/", {"body": f"N{number}"})

    def test_list_pages_never_read_the_article_body(self):
        """Previews show no body, so none is loaded (`previews()` defers it)."""
        grow_articles(self.author, self.reader, 3)
        for path in ("/", "/tag/python/", "/profile/author/"):
            with self.subTest(path=path), CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(path).status_code, 200)
            # The page of previews (LIMIT); the paginator's count wraps the select in a COUNT.
            reads = [q["sql"] for q in queries if 'FROM "blog_article"' in q["sql"]]
            reads = [sql for sql in reads if "LIMIT" in sql]
            self.assertTrue(reads)
            self.assertFalse([sql for sql in reads if '"blog_article"."body"' in sql])
