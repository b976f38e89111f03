"""Slugs, tags and Markdown. Twin: flask_impl/tests/test_blog_services.py."""

from unittest import skipUnless

from django.db import connection
from django.test import SimpleTestCase, TestCase

from blog import services
from blog.tests.factories import make_article, make_user


class SlugTests(TestCase):
    def test_slug_follows_djangos_slugify_and_is_cut_to_100(self):
        self.assertEqual(services.unique_slug("  Ünïcode -- Title!  "), "unicode-title")
        self.assertEqual(len(services.unique_slug("word " * 50)), 100)

    def test_title_with_nothing_sluggable_gives_article(self):
        self.assertEqual(services.unique_slug("!!! ???"), "article")

    def test_taken_slug_gets_six_hex_digits(self):
        make_article(make_user("author"), "Same title")

        self.assertRegex(services.unique_slug("Same title"), r"\Asame-title-[0-9a-f]{6}\Z")


class TagParsingTests(SimpleTestCase):
    def test_tags_split_at_commas_and_spaces_lowercased_first_kept(self):
        self.assertEqual(
            services.parse_tags("Web,  django\tweb ,python"), ["web", "django", "python"]
        )

    def test_tag_rule(self):
        self.assertTrue(services.is_valid_tag("c-3_po"))
        for name in ("-lead", "x" * 41, "naïve", "a.b"):
            with self.subTest(name=name):
                self.assertFalse(services.is_valid_tag(name))


class MarkdownTests(SimpleTestCase):
    def test_markdown_is_rendered(self):
        self.assertEqual(services.render_markdown("*hi*"), "<p><em>hi</em></p>\n")

    def test_raw_html_is_shown_as_text(self):
        html = services.render_markdown("<script>alert(1)</script>")

        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)

    def test_javascript_links_are_not_made_links(self):
        self.assertNotIn("href", services.render_markdown("[x](javascript:alert(1))"))


def sqlite_steps(call) -> int:
    """SQLite virtual-machine steps that call() costs: the SQL work, whatever the clock says."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1
        return 0

    connection.ensure_connection()
    connection.connection.set_progress_handler(count, 1)
    try:
        call()
    finally:
        connection.connection.set_progress_handler(None, 1)
    return steps


@skipUnless(connection.vendor == "sqlite", "counts SQLite's own steps")
class TagsInUseTests(TestCase):
    def test_the_tag_list_costs_the_same_for_1_and_20_articles_per_tag(self):
        author = make_user("author")
        costs = []
        for first, total in ((0, 1), (1, 20)):
            for number in range(first, total):
                make_article(author, f"Article {number}", tags=["web", "python"])
            self.assertEqual(services.tags_in_use(), ["python", "web"])
            costs.append(sqlite_steps(services.tags_in_use))

        self.assertEqual(costs[0], costs[1])
