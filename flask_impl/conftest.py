"""The twin's test fixtures (app, client, runner), a browser's ways (CSRF token, sign-in) and
the API's (a token).

Twin: what django_impl's tests get from Django's TestCase and its test client.
"""

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from flask_impl import create_app
from flask_impl.blog.tests.factories import PASSWORD
from flask_impl.config import Config
from flask_impl.extensions import db

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*? value="([^"]+)"')


@pytest.fixture
def app(tmp_path) -> Flask:
    class TestConfig(Config):
        TESTING = True
        SECRET_KEY = "test-only-secret-key-at-least-32-bytes"
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        COUNT_QUERIES = True

    app = create_app(TestConfig)
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


def csrf_token(client: FlaskClient) -> str:
    """The token a browser would send, read from a form as the browser sees it."""
    page = client.get("/login/")
    if page.status_code == 302:  # signed in: the sign-out form on every page has one
        page = client.get("/")
    found = CSRF_INPUT.search(page.text)
    assert found, "no csrf_token input on the page"
    return found.group(1)


def post_form(client: FlaskClient, path: str, data: dict[str, str] | None = None):
    """POST like a browser submitting a form: with the CSRF token."""
    return client.post(path, data={"csrf_token": csrf_token(client), **(data or {})})


def sign_in(client: FlaskClient, username: str) -> None:
    response = post_form(
        client, "/login/", {"email": f"{username}@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302, response.status_code


def token_header(client: FlaskClient, username: str) -> dict[str, str]:
    """The API's `Authorization` header for username, signed in through `/api/users/login`."""
    credentials = {"email": f"{username}@example.com", "password": PASSWORD}
    response = client.post("/api/users/login", json={"user": credentials})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Token {response.json['user']['token']}"}
