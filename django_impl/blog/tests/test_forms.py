"""The article form saves an article and its tags together.

Twin: flask_impl/tests/test_blog_services.py (one commit a request).
"""

from unittest import mock

from django.db import DatabaseError
from django.test import TestCase

from blog.forms import ArticleForm
from blog.models import Article, Tag
from blog.tests.factories import make_user

FIELDS = {"title": "Tagged", "description": "About tags.", "body": "Hi.", "tags": "web django"}


class ArticleFormSaveTests(TestCase):
    def bound_form(self) -> ArticleForm:
        form = ArticleForm(FIELDS)
        form.instance.author = make_user("author")
        form.instance.slug = "tagged"
        self.assertTrue(form.is_valid(), form.errors)
        return form

    def test_the_tags_are_saved_with_the_article(self):
        article = self.bound_form().save()

        self.assertEqual([tag.name for tag in article.tags.all()], ["django", "web"])

    def test_save_m2m_sets_the_tags_after_commit_false(self):
        form = self.bound_form()
        article = form.save(commit=False)
        article.save()
        form.save_m2m()

        self.assertEqual(article.tags.count(), 2)

    def test_a_failure_while_saving_tags_leaves_no_article(self):
        form = self.bound_form()
        refused = DatabaseError("tag refused")

        with (
            mock.patch.object(Tag.objects, "get_or_create", side_effect=refused),
            self.assertRaises(DatabaseError),
        ):
            form.save()

        self.assertFalse(Article.objects.exists())
