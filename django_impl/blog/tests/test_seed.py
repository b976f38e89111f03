"""The seed loader. Twin: flask_impl/tests/test_seed.py."""

import json
import tempfile
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase

from accounts.models import User
from blog.models import Article, Comment

SEED = {
    "users": [
        {
            "username": "ada",
            "email": "Ada@Example.com",
            "password": "seed-password",
            "bio": "",
            "image": None,
            "date_joined": "2026-01-01T08:00:00.000000Z",
        },
        {
            "username": "alan",
            "email": "alan@example.com",
            "password": "seed-password",
            "bio": "Machines.",
            "image": None,
            "date_joined": "2026-01-01T08:01:00.000000Z",
        },
    ],
    "follows": [["ada", "alan"]],
    "articles": [
        {
            "slug": "first",
            "title": "First",
            "description": "d",
            "body": "b",
            "author": "alan",
            "tags": ["sql", "orm"],
            "created_at": "2026-01-02T09:00:00.123456Z",
            "updated_at": "2026-01-03T09:00:00.654321Z",
        }
    ],
    "favorites": [["ada", "first"]],
    "comments": [
        {
            "article": "first",
            "author": "ada",
            "body": "Nice.",
            "created_at": "2026-01-04T10:00:00.000001Z",
        }
    ],
}


class LoadSeedTests(TestCase):
    def setUp(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.path = Path(directory.name) / "seed.json"
        self.path.write_text(json.dumps(SEED))

    def test_rows_keep_file_order_and_timestamps(self):
        call_command("load_seed", self.path, stdout=StringIO())

        ada, alan = User.objects.order_by("pk")
        article = Article.objects.get()
        self.assertEqual((ada.username, ada.email, ada.bio), ("ada", "ada@example.com", ""))
        self.assertTrue(alan.check_password("seed-password"))
        self.assertEqual(list(ada.following.all()), [alan])
        self.assertEqual(article.created_at, datetime(2026, 1, 2, 9, 0, 0, 123456, tzinfo=UTC))
        self.assertEqual(article.updated_at, datetime(2026, 1, 3, 9, 0, 0, 654321, tzinfo=UTC))
        self.assertEqual(sorted(tag.name for tag in article.tags.all()), ["orm", "sql"])
        self.assertEqual(list(article.favorited_by.all()), [ada])
        comment = Comment.objects.get()
        self.assertEqual(comment.updated_at, comment.created_at)

    def test_database_with_users_is_left_alone(self):
        User.objects.create_user("someone@example.com", "someone")

        output = StringIO()
        call_command("load_seed", self.path, stdout=output)

        self.assertIn("not loaded", output.getvalue())
        self.assertEqual(User.objects.count(), 1)
        self.assertFalse(Article.objects.exists())
