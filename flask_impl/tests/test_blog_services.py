"""Slugs, tags and the tag list's cost, apart from HTTP.

Twin: django_impl/blog/tests/test_services.py.
"""

import re

import pytest

from flask_impl.blog import queries, writes
from flask_impl.blog.rules import base_slug, parse_tags
from flask_impl.extensions import db
from flask_impl.tests.factories import make_article, make_user


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("  Crème brûlée -- à la   mode  ", "creme-brulee-a-la-mode"),
        ("snake_case_title_", "snake-case-title"),
        ("日本語", "ri-ben-yu"),
        ("!!! ???", "article"),
    ],
)
def test_the_slug_is_python_slugifys_or_article(title, slug):
    assert base_slug(title) == slug


def test_the_slug_is_cut_to_100_characters():
    assert len(base_slug("word " * 50)) == 100


def test_a_taken_slug_gets_six_hex_digits(app):
    with app.app_context():
        make_article(make_user("author"), "Same title")

        assert re.fullmatch(r"same-title-[0-9a-f]{6}", writes.unique_slug("Same title"))


def test_tags_split_at_commas_and_spaces_lowercased_first_kept():
    assert parse_tags(" Python,flask  python\tSQL,,") == ["python", "flask", "sql"]


def sqlite_steps(call) -> int:
    """SQLite virtual-machine steps that call() costs: the SQL work, whatever the clock says."""
    steps = 0

    def count():
        nonlocal steps
        steps += 1
        return 0

    sqlite = db.session.connection().connection.driver_connection
    sqlite.set_progress_handler(count, 1)
    try:
        call()
    finally:
        sqlite.set_progress_handler(None, 1)
    return steps


def test_the_tag_list_costs_the_same_for_1_and_20_articles_per_tag(app):
    costs = []
    with app.app_context():
        author = make_user("author")
        for first, total in ((0, 1), (1, 20)):
            for number in range(first, total):
                make_article(author, f"Article {number}", tags=["web", "python"])
            assert queries.tags_in_use() == ["python", "web"]
            costs.append(sqlite_steps(queries.tags_in_use))

    assert costs[0] == costs[1]
