"""Accounts pages through the test client. Twin: django_impl/accounts/tests/test_views.py."""

import pytest
from sqlalchemy import func, select

from flask_impl.accounts.models import User, follows
from flask_impl.extensions import db
from flask_impl.tests.factories import PASSWORD, make_user


def add_user(app, username: str) -> None:
    with app.app_context():
        make_user(username)


def user_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(User.id)))


def test_sign_up_signs_the_new_user_in(client):
    response = client.post_form(
        "/register/",
        {"username": "Ada", "email": " Ada@Example.COM ", "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert 'data-testid="nav-profile"' in client.get("/").text


def test_sign_up_stores_the_email_lowercased(app, client):
    client.post_form(
        "/register/", {"username": "ada", "email": "Ada@Example.COM", "password": PASSWORD}
    )

    with app.app_context():
        assert db.session.scalar(select(User.email)) == "ada@example.com"


def test_username_taken_in_another_case_is_refused(app, client):
    add_user(app, "alice")

    response = client.post_form(
        "/register/", {"username": "Alice", "email": "a2@example.com", "password": PASSWORD}
    )

    assert response.status_code == 422
    assert 'data-field="username"' in response.text
    assert user_count(app) == 1


def test_sign_up_without_csrf_token_is_refused_and_saves_nothing(app, client):
    response = client.post(
        "/register/", data={"username": "mallory", "email": "m@example.com", "password": PASSWORD}
    )

    assert response.status_code == 400
    assert user_count(app) == 0


def test_wrong_password_is_a_form_wide_error(app, client):
    add_user(app, "alice")

    response = client.post_form(
        "/login/", {"email": "alice@example.com", "password": "not-the-password"}
    )

    assert response.status_code == 422
    error = '<li data-testid="form-error">That email and password do not match an account.</li>'
    assert error in response.text


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("/editor/", "/editor/"),
        ("/tag/python/?page=2", "/tag/python/?page=2"),
        ("http://localhost/settings/", "http://localhost/settings/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/\\evil.example/", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_sign_in_follows_next_only_to_this_site(app, client, target, location):
    add_user(app, "alice")

    response = client.post_form(
        "/login/",
        {"email": "alice@example.com", "password": PASSWORD, "next": target},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == location


def test_anonymous_settings_redirects_to_sign_in(client):
    response = client.get("/settings/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/login/?next=%2Fsettings%2F"


def test_new_password_keeps_the_user_signed_in(app, client, auth):
    add_user(app, "alice")
    auth.login("alice")

    response = client.post_form(
        "/settings/",
        {
            "username": "alice",
            "email": "alice@example.com",
            "password": "a-new-password",
            "current_password": PASSWORD,
        },
    )

    assert response.status_code == 302
    assert client.get("/settings/").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(User)).check_password("a-new-password")


def test_new_password_without_the_current_one_is_refused(app, client, auth):
    add_user(app, "alice")
    auth.login("alice")

    response = client.post_form(
        "/settings/",
        {"username": "alice", "email": "alice@example.com", "password": "a-new-password"},
    )

    assert response.status_code == 422
    assert b'data-field="current_password"' in response.data
    with app.app_context():
        assert db.session.scalar(select(User)).check_password(PASSWORD)


def test_following_oneself_is_a_bad_request(app, client, auth):
    add_user(app, "alice")
    auth.login("alice")

    response = client.post_form("/profile/alice/follow/")

    assert response.status_code == 400
    assert 'data-testid="error-page"' in response.text


def test_follow_then_unfollow(app, client, auth):
    add_user(app, "alice")
    add_user(app, "bob")
    auth.login("alice")

    client.post_form("/profile/bob/follow/")
    client.post_form("/profile/bob/follow/")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(follows)) == 1
    client.post_form("/profile/bob/unfollow/")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(follows)) == 0
