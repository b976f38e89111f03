"""The blog's pages and actions, through the test client. Twin: flask_impl/tests/test_blog.py."""

from django.contrib.messages import SUCCESS, Message
from django.contrib.messages.test import MessagesTestMixin
from django.test import Client, TestCase

from blog.models import Article, Comment
from blog.tests.factories import make_article, make_user


class ArticleEditorTests(MessagesTestMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_user("author")
        cls.other = make_user("other")
        cls.article = make_article(cls.author, "First post", tags=["python"])

    def test_anonymous_editor_redirects_to_sign_in(self):
        response = self.client.get("/editor/")

        self.assertRedirects(response, "/login/?next=/editor/", fetch_redirect_response=False)

    def test_publishing_makes_a_slug_and_tags(self):
        self.client.force_login(self.author)

        response = self.client.post(
            "/editor/",
            {"title": "Héllo, World!", "description": "d", "body": "b", "tags": "Web, web django"},
        )

        article = Article.objects.get(title="Héllo, World!")
        self.assertRedirects(response, "/article/hello-world/", fetch_redirect_response=False)
        self.assertEqual([tag.name for tag in article.tags.all()], ["django", "web"])
        self.assertEqual(article.created_at, article.updated_at)

    def test_invalid_article_is_422_and_saves_nothing(self):
        self.client.force_login(self.author)

        response = self.client.post("/editor/", {"title": "", "description": "d", "body": "b"})

        self.assertEqual(response.status_code, 422)
        self.assertContains(response, 'data-field="title"', status_code=422)
        self.assertEqual(Article.objects.count(), 1)

    def test_editing_keeps_the_slug_and_stamps_updated_at(self):
        self.client.force_login(self.author)

        self.client.post(
            "/editor/first-post/",
            {"title": "Renamed", "description": "d", "body": "b", "tags": "python"},
        )

        self.article.refresh_from_db()
        self.assertEqual((self.article.slug, self.article.title), ("first-post", "Renamed"))
        self.assertGreater(self.article.updated_at, self.article.created_at)

    def test_someone_else_editing_is_403(self):
        self.client.force_login(self.other)

        response = self.client.post("/editor/first-post/", {"title": "Mine now"})

        self.assertEqual(response.status_code, 403)
        self.assertContains(response, 'data-testid="error-page"', status_code=403)

    def test_someone_else_deleting_is_403(self):
        self.client.force_login(self.other)

        response = self.client.post("/article/first-post/delete/")

        self.assertEqual(response.status_code, 403)
        self.assertTrue(Article.objects.filter(pk=self.article.pk).exists())

    def test_put_on_the_editor_is_405_not_a_post(self):
        self.client.force_login(self.author)

        response = self.client.put("/editor/", "title=Put&description=d&body=b")

        self.assertEqual(response.status_code, 405)
        self.assertEqual(Article.objects.count(), 1)

    def test_opening_delete_asks_for_confirmation(self):
        self.client.force_login(self.author)

        response = self.client.get("/article/first-post/delete/")

        self.assertTemplateUsed(response, "blog/article_confirm_delete.html")
        self.assertContains(response, 'data-testid="delete-article-form"')
        self.assertTrue(Article.objects.filter(pk=self.article.pk).exists())

    def test_confirmed_delete_removes_the_article_and_says_so(self):
        self.client.force_login(self.author)

        response = self.client.post("/article/first-post/delete/")

        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertMessages(response, [Message(SUCCESS, "Article deleted.")])
        self.assertFalse(Article.objects.filter(pk=self.article.pk).exists())


class CommentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_user("author")
        cls.reader = make_user("reader")
        cls.article = make_article(cls.author, "Commented")

    def test_comment_is_added_newest_first(self):
        self.client.force_login(self.reader)

        self.client.post("/article/commented/comments/", {"body": "First"})
        self.client.post("/article/commented/comments/", {"body": "Second"})

        bodies = [comment.body for comment in self.article.comments.all()]
        self.assertEqual(bodies, ["Second", "First"])

    def test_empty_comment_is_422_on_the_article_page(self):
        self.client.force_login(self.reader)

        response = self.client.post("/article/commented/comments/", {"body": "  "})

        self.assertTemplateUsed(response, "blog/article_detail.html")
        self.assertContains(response, 'data-field="body"', status_code=422)
        self.assertFalse(Comment.objects.exists())

    def test_comment_post_without_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.reader)

        response = client.post("/article/commented/comments/", {"body": "Sneaky"})

        self.assertEqual(response.status_code, 403)
        self.assertFalse(Comment.objects.exists())

    def test_deleting_someone_elses_comment_is_403(self):
        comment = Comment.objects.create(article=self.article, author=self.author, body="Mine")
        self.client.force_login(self.reader)

        response = self.client.post(f"/article/commented/comments/{comment.pk}/delete/")

        self.assertEqual(response.status_code, 403)
        self.assertTrue(Comment.objects.filter(pk=comment.pk).exists())


class FavoriteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reader = make_user("reader")
        cls.article = make_article(make_user("author"), "Liked")

    def test_favorite_follows_a_safe_next(self):
        self.client.force_login(self.reader)

        response = self.client.post("/article/liked/favorite/", {"next": "/profile/reader/"})

        self.assertRedirects(response, "/profile/reader/", fetch_redirect_response=False)
        self.assertTrue(self.article.favorited_by.filter(pk=self.reader.pk).exists())

    def test_favorites_tab_counts_every_favorite_not_only_the_profiles(self):
        self.article.favorited_by.add(self.reader, make_user("fan"))

        response = self.client.get("/profile/reader/favorites/")

        self.assertContains(response, '<span data-testid="preview-favorites-count">2</span>')

    def test_favorite_ignores_a_next_to_another_site(self):
        self.client.force_login(self.reader)

        response = self.client.post("/article/liked/favorite/", {"next": "//evil.example/"})

        self.assertRedirects(response, "/article/liked/", fetch_redirect_response=False)


class ListPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        author = make_user("author")
        for number in range(11):
            make_article(author, f"Post {number}")

    def test_second_page_has_the_oldest_article(self):
        response = self.client.get("/?page=2")

        self.assertEqual([article.slug for article in response.context["articles"]], ["post-0"])

    def test_page_that_is_not_a_positive_integer_is_404(self):
        for page in ("0", "-1", "x", "last", "3"):
            with self.subTest(page=page):
                self.assertEqual(self.client.get(f"/?page={page}").status_code, 404)
