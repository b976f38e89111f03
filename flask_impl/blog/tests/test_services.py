"""Slugs and tags, apart from HTTP. Twin: django_impl/blog/tests/test_services.py."""

import pytest

from flask_impl.blog.services import parse_tags, slugify


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
