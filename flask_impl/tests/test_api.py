"""The API through the test client. Twin: django_impl/api/tests/test_views.py."""

import json
import re

import jwt
import pytest
from sqlalchemy import func, select

from flask_impl.api.auth import AUDIENCE, ISSUER
from flask_impl.blog.models import Article
from flask_impl.extensions import db
from flask_impl.tests.factories import PASSWORD, make_article, make_user

NEW_ARTICLE = {"title": "Hello, World!", "description": "A first post.", "body": "Hi."}
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def article_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Article.id)))


def test_register_answers_201_with_a_token_naming_the_user_id(app, client):
    user = {"username": "Ada", "email": " Ada@Example.COM ", "password": PASSWORD}

    response = client.post("/api/users", json={"user": user})

    assert response.status_code == 201
    body = response.json["user"]
    assert (body["username"], body["email"], body["bio"], body["image"]) == (
        "Ada",
        "ada@example.com",
        None,
        None,
    )
    claims = jwt.decode(
        body["token"], app.config["SECRET_KEY"], algorithms=["HS256"], audience=AUDIENCE
    )
    assert claims["iss"] == ISSUER
    assert claims["sub"] == "1"
    assert claims["exp"] - claims["iat"] == 7 * 24 * 3600


def test_the_token_survives_a_username_change(app, client, auth):
    with app.app_context():
        make_user("ada")
    headers = auth.token_header("ada")

    renamed = client.put("/api/user", json={"user": {"username": "lovelace"}}, headers=headers)
    assert renamed.status_code == 200

    assert client.get("/api/user", headers=headers).json["user"]["username"] == "lovelace"


def test_the_session_cookie_does_not_authenticate(app, client, auth):
    with app.app_context():
        make_user("ada")
    auth.login("ada")

    response = client.get("/api/user")

    assert response.status_code == 401
    assert response.json == {"errors": {"token": ["is missing"]}}


def test_a_post_needs_a_token_but_no_csrf_token(app, client, auth):
    with app.app_context():
        make_user("ada")

    response = client.post(
        "/api/articles", json={"article": NEW_ARTICLE}, headers=auth.token_header("ada")
    )

    assert response.status_code == 201
    assert response.json["article"]["slug"] == "hello-world"
    assert TIMESTAMP.fullmatch(response.json["article"]["createdAt"])


def test_every_wrong_field_is_listed_and_nothing_is_saved(app, client, auth):
    with app.app_context():
        make_user("ada")
    article = {"title": 5, "description": " ", "body": "x" * 20_001, "tagList": ["c++"]}

    response = client.post(
        "/api/articles", json={"article": article}, headers=auth.token_header("ada")
    )

    assert response.status_code == 422
    assert response.json["errors"] == {
        "title": ["must be a string"],
        "description": ["can't be blank"],
        "body": ["is too long (maximum is 20000 characters)"],
        "tagList": ["is invalid"],
    }
    assert article_count(app) == 0


@pytest.mark.parametrize(("size", "status"), [(1024 * 1024, 201), (1024 * 1024 + 1, 413)])
def test_a_body_over_1_mb_is_413(app, client, auth, size, status):
    with app.app_context():
        make_user("ada")
    article = json.dumps({"article": NEW_ARTICLE}).encode()

    response = client.post(
        "/api/articles",
        data=article[:-1] + b" " * (size - len(article)) + b"}",
        content_type="application/json",
        headers=auth.token_header("ada"),
        environ_overrides={"wsgi.input_terminated": True},  # as gunicorn serves it
    )

    assert response.status_code == status
    if status == 413:
        assert response.json == {"errors": {"request": ["is too large"]}}


def test_the_list_leaves_out_bodies_and_counts_every_match(app, client):
    with app.app_context():
        author = make_user("ada")
        for number in range(3):
            make_article(author, f"Article {number}", tags=["zeta", "alpha"])

    response = client.get("/api/articles?limit=2&offset=1")

    assert response.json["articlesCount"] == 3
    assert [article["slug"] for article in response.json["articles"]] == [
        "article-1",
        "article-0",
    ]
    assert "body" not in response.json["articles"][0]
    assert response.json["articles"][0]["tagList"] == ["alpha", "zeta"]


def test_api_paths_with_a_trailing_slash_are_served_not_redirected(client):
    assert client.post("/api/articles/").json == {"errors": {"token": ["is missing"]}}
    assert client.get("/api/tags/").json == {"tags": []}


def test_api_errors_are_json_and_never_redirect(client):
    assert client.get("/api//tags").json == {"errors": {"resource": ["not found"]}}
    assert client.get("/api/nothing").status_code == 404
    response = client.put("/api/articles/feed")
    assert response.status_code == 405
    assert response.json == {"errors": {"method": ["not allowed"]}}


def test_pages_keep_their_html_error_page(client):
    response = client.get("/article/missing/")

    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_only_api_paths_send_cors_headers(client):
    origin = {"Origin": "http://frontend.example"}

    assert client.get("/api/tags", headers=origin).headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/", headers=origin).headers
