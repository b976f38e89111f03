"""Slugs and tags, apart from HTTP. Twin: django_impl/blog/tests/test_services.py."""

import pytest

from flask_impl.blog import services
from flask_impl.blog.services import parse_tags, slugify
from flask_impl.blog.tests.factories import make_article, make_user
from flask_impl.extensions import db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("  Crème brûlée -- à la   mode  ", "creme-brulee-a-la-mode"),
        ("snake_case_title_", "snake_case_title"),
        ("日本語", ""),
    ],
)
def test_slugify_follows_djangos_rule(title, slug):
    assert slugify(title) == slug


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
            assert services.tags_in_use() == ["python", "web"]
            costs.append(sqlite_steps(services.tags_in_use))

    assert costs[0] == costs[1]
