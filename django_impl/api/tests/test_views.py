"""The API's endpoints through the test client. Twin: flask_impl/tests/test_api.py."""

import json

from django.test import Client, TestCase

from accounts.models import User
from api.auth import make_token
from blog.models import Article
from blog.tests.factories import make_article, make_user

PASSWORD = "correct-horse-battery"


class ApiTestCase(TestCase):
    def send(self, method, path, payload=None, token=None, client=None):
        """Call the API with a JSON body (payload, or raw bytes) and an optional token."""
        body = payload if isinstance(payload, bytes) else json.dumps(payload or {})
        headers = {"authorization": f"Token {token}"} if token else {}
        return getattr(client or self.client, method)(
            path, body, content_type="application/json", headers=headers
        )


class UserTests(ApiTestCase):
    def test_register_answers_201_and_the_token_names_the_user(self):
        user = {"username": "Ada", "email": " Ada@Example.COM ", "password": PASSWORD}

        response = self.send("post", "/api/users", {"user": user})

        self.assertEqual(response.status_code, 201)
        body = response.json()["user"]
        self.assertEqual(
            (body["email"], body["bio"], body["image"]), ("ada@example.com", None, None)
        )
        me = self.client.get("/api/user", headers={"authorization": f"Bearer {body['token']}"})
        self.assertEqual(me.json()["user"]["username"], "Ada")

    def test_register_validates_before_checking_uniqueness(self):
        make_user("ada")
        user = {"username": "ADA", "email": "new@example.com", "password": "short"}

        response = self.send("post", "/api/users", {"user": user})

        self.assertEqual(response.status_code, 422)
        self.assertEqual(
            response.json(), {"errors": {"password": ["is too short (minimum is 8 characters)"]}}
        )
        user["password"] = PASSWORD
        response = self.send("post", "/api/users", {"user": user})
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.json(), {"errors": {"username": ["has already been taken"]}})

    def test_wrong_password_is_401(self):
        User.objects.create_user("ada@example.com", "ada", PASSWORD)

        response = self.send(
            "post", "/api/users/login", {"user": {"email": "ada@example.com", "password": "nope"}}
        )

        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json(), {"errors": {"credentials": ["invalid"]}})

    def test_update_stores_empty_bio_as_empty_and_refuses_an_empty_password(self):
        user = make_user("ada")
        token = make_token(user)

        response = self.send("put", "/api/user", {"user": {"bio": "", "password": ""}}, token)

        self.assertEqual(response.json(), {"errors": {"password": ["can't be blank"]}})
        response = self.send("put", "/api/user", {"user": {"bio": "", "username": "ada2"}}, token)
        self.assertEqual(response.status_code, 200)
        user.refresh_from_db()
        self.assertEqual((user.username, user.bio), ("ada2", ""))
        self.assertIsNone(response.json()["user"]["bio"])

    def test_the_session_cookie_does_not_authenticate(self):
        self.client.force_login(make_user("ada"))

        response = self.client.get("/api/user")

        self.assertEqual(response.status_code, 401)
        self.assertEqual(response.json(), {"errors": {"token": ["is missing"]}})


class ArticleTests(ApiTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_user("author")
        cls.other = make_user("other")

    def test_create_needs_no_csrf_token_and_sorts_the_tags(self):
        client = Client(enforce_csrf_checks=True)
        fields = {"title": "Hello", "description": "d", "body": "b", "tagList": ["Web", "api"]}

        response = self.send(
            "post", "/api/articles", {"article": fields}, make_token(self.author), client
        )

        self.assertEqual(response.status_code, 201)
        article = response.json()["article"]
        self.assertEqual((article["slug"], article["tagList"]), ("hello", ["api", "web"]))
        self.assertRegex(article["createdAt"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")

    def test_update_keeps_the_slug_and_absent_tags(self):
        make_article(self.author, "First post", tags=["python"])

        response = self.send(
            "put",
            "/api/articles/first-post",
            {"article": {"title": "Renamed"}},
            make_token(self.author),
        )

        article = response.json()["article"]
        self.assertEqual((article["slug"], article["title"]), ("first-post", "Renamed"))
        self.assertEqual(article["tagList"], ["python"])

    def test_someone_elses_article_is_403(self):
        make_article(self.author, "Mine")

        response = self.send("delete", "/api/articles/mine", token=make_token(self.other))

        self.assertEqual(response.status_code, 403)
        self.assertEqual(response.json(), {"errors": {"article": ["forbidden"]}})
        self.assertTrue(Article.objects.filter(slug="mine").exists())

    def test_every_wrong_field_is_listed_and_nothing_is_saved(self):
        fields = {"title": 5, "description": " ", "body": "a\x00b", "tagList": ["ok", "-no"]}

        response = self.send("post", "/api/articles", {"article": fields}, make_token(self.author))

        self.assertEqual(response.status_code, 422)
        self.assertEqual(
            response.json()["errors"],
            {
                "title": ["must be a string"],
                "description": ["can't be blank"],
                "body": ["is invalid"],
                "tagList": ["is invalid"],
            },
        )
        self.assertFalse(Article.objects.exists())


class TransportTests(ApiTestCase):
    def test_a_trailing_slash_is_served_not_redirected(self):
        missing_token = {"errors": {"token": ["is missing"]}}
        self.assertEqual(self.client.post("/api/articles/").json(), missing_token)
        self.assertEqual(self.client.get("/api/tags/").json(), {"tags": []})

    def test_unknown_paths_are_json_404s(self):
        for path in ("/api/nothing", "/api//tags", "/api"):
            with self.subTest(path=path):
                response = self.client.post(path)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.json(), {"errors": {"resource": ["not found"]}})

    def test_wrong_method_is_a_json_405(self):
        response = self.client.patch("/api/articles")

        self.assertEqual(response.status_code, 405)
        self.assertEqual(response.json(), {"errors": {"method": ["not allowed"]}})
        self.assertEqual(response["Allow"], "GET, POST, HEAD, OPTIONS")

    def test_a_body_over_1_mb_is_413(self):
        token = make_token(make_user("ada"))

        response = self.send("post", "/api/articles", b" " * (1_048_576 + 1), token)

        self.assertEqual(response.status_code, 413)
        self.assertEqual(response.json(), {"errors": {"request": ["is too large"]}})

    def test_cors_for_the_api_only(self):
        origin = {"origin": "http://frontend.example"}

        api = self.client.get("/api/tags", headers=origin)
        page = self.client.get("/", headers=origin)

        self.assertEqual(api["Access-Control-Allow-Origin"], "*")
        self.assertNotIn("Access-Control-Allow-Origin", page)
