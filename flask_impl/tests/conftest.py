"""The twin's test fixtures: `app`, `client`, `runner` and `auth`, as the Flask tutorial's tests.

Twin: what django_impl's tests get from Django's TestCase and its test client.
"""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from flask_impl import create_app
from flask_impl.config import Config
from flask_impl.extensions import db
from flask_impl.tests.factories import PASSWORD

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')


class BrowserClient(FlaskClient):
    """The test client, and a browser's way of submitting a form: with its CSRF token."""

    def csrf_token(self) -> str:
        """The token a browser would send, read from a form as the browser sees it."""
        page = self.get("/login/")
        if page.status_code == 302:  # signed in: the sign-out form on every page has one
            page = self.get("/")
        found = CSRF_INPUT.search(page.text)
        assert found, "no csrf_token input on the page"
        return found.group(1)

    def post_form(self, path: str, data: dict[str, str] | None = None):
        return self.post(path, data={"csrf_token": self.csrf_token(), **(data or {})})


class AuthActions:
    """Signing a user made by the factories in: through the sign-in form, or for the API's token."""

    def __init__(self, client: BrowserClient):
        self._client = client

    def login(self, username: str) -> None:
        credentials = {"email": f"{username}@example.com", "password": PASSWORD}
        response = self._client.post_form("/login/", credentials)
        assert response.status_code == 302, response.status_code

    def token_header(self, username: str) -> dict[str, str]:
        """The API's `Authorization` header for username, signed in through `/api/users/login`."""
        credentials = {"email": f"{username}@example.com", "password": PASSWORD}
        response = self._client.post("/api/users/login", json={"user": credentials})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Token {response.json['user']['token']}"}


@pytest.fixture
def app(tmp_path) -> Flask:
    class TestConfig(Config):
        TESTING = True
        SECRET_KEY = "test-only-secret-key-at-least-32-bytes"
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        COUNT_QUERIES = True

    app = create_app(TestConfig)
    app.test_client_class = BrowserClient
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> BrowserClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def auth(client: BrowserClient) -> AuthActions:
    return AuthActions(client)
