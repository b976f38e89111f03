"""Registration and sign-in: `POST /api/users`, `POST /api/users/login`."""

import pytest

from tests.support.api import register_user
from tests.support.factories import PASSWORD, unique


def new_user(**fields):
    username = unique()
    return {
        "username": username,
        "email": f"{username}@example.com",
        "password": PASSWORD,
        **fields,
    }


def test_register_answers_201_with_the_user_and_a_token(api):
    fields = new_user()

    reply = api.post("/users", json={"user": fields})

    assert reply.status == 201
    user = reply.body["user"]
    assert user["username"] == fields["username"]
    assert user["email"] == fields["email"]
    assert user["token"]
    assert "password" not in user


def test_register_starts_bio_and_image_as_null(api):
    reply = api.post("/users", json={"user": new_user()})

    assert reply.body["user"]["bio"] is None
    assert reply.body["user"]["image"] is None


def test_register_stores_the_email_trimmed_and_lowercased(api):
    fields = new_user()
    fields["email"] = f"  {fields['username'].upper()}@Example.COM "

    reply = api.post("/users", json={"user": fields})

    assert reply.status == 201
    assert reply.body["user"]["email"] == f"{fields['username']}@example.com"


def test_register_keeps_the_username_as_typed(api):
    username = "Mixed_Case-" + unique()

    reply = api.post("/users", json={"user": new_user(username=username)})

    assert reply.status == 201
    assert reply.body["user"]["username"] == username


def test_register_refuses_a_username_taken_in_another_case(api, user):
    reply = api.post("/users", json={"user": new_user(username=user.username.upper())})

    assert reply.status == 409
    assert reply.errors == {"username": ["has already been taken"]}


def test_register_refuses_an_email_taken_in_another_case(api, user):
    reply = api.post("/users", json={"user": new_user(email=user.email.upper())})

    assert reply.status == 409
    assert reply.errors == {"email": ["has already been taken"]}


def test_register_lists_both_taken_fields(api, user):
    fields = new_user(username=user.username, email=user.email)

    reply = api.post("/users", json={"user": fields})

    assert reply.status == 409
    assert reply.errors == {
        "username": ["has already been taken"],
        "email": ["has already been taken"],
    }


def test_register_lists_every_missing_field(api):
    reply = api.post("/users", json={"user": {}})

    assert reply.status == 422
    assert reply.errors == {
        "username": ["can't be blank"],
        "email": ["can't be blank"],
        "password": ["can't be blank"],
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", ""),
        ("username", None),
        ("username", "   "),
        ("email", ""),
        ("email", None),
        ("email", "   "),
        ("password", ""),
        ("password", None),
    ],
)
def test_register_refuses_an_empty_or_null_field(api, field, value):
    fields = new_user(**{field: value})

    reply = api.post("/users", json={"user": fields})

    assert reply.status == 422
    assert reply.errors == {field: ["can't be blank"]}
    if field == "username":
        credentials = {"email": fields["email"], "password": fields["password"]}
        assert api.post("/users/login", json={"user": credentials}).status == 401
    else:
        assert api.get(f"/profiles/{fields['username']}").status == 404


@pytest.mark.parametrize("username", ["has space", "semi;colon", "ünïcode", "dot.ted", "at@sign"])
def test_register_refuses_a_username_with_other_characters(api, username):
    reply = api.post("/users", json={"user": new_user(username=username + unique())})

    assert reply.status == 422
    assert reply.errors == {"username": ["is invalid"]}


def test_register_refuses_a_username_over_40_characters(api):
    reply = api.post("/users", json={"user": new_user(username=(unique() + "x" * 40)[:41])})

    assert reply.status == 422
    assert "is too long (maximum is 40 characters)" in reply.errors["username"]


def test_register_accepts_a_username_of_40_characters(api):
    username = (unique() + "x" * 40)[:40]

    assert api.post("/users", json={"user": new_user(username=username)}).status == 201


@pytest.mark.parametrize("email", ["not-an-email", "missing-at.example.com", "two@@example.com"])
def test_register_refuses_a_malformed_email(api, email):
    reply = api.post("/users", json={"user": new_user(email=email)})

    assert reply.status == 422
    assert reply.errors == {"email": ["is invalid"]}


def test_register_refuses_a_password_under_8_characters(api):
    reply = api.post("/users", json={"user": new_user(password="1234567")})

    assert reply.status == 422
    assert reply.errors == {"password": ["is too short (minimum is 8 characters)"]}


def test_register_refuses_a_password_over_128_characters(api):
    reply = api.post("/users", json={"user": new_user(password="p" * 129)})

    assert reply.status == 422
    assert reply.errors == {"password": ["is too long (maximum is 128 characters)"]}


def test_register_validates_before_checking_uniqueness(api, user):
    reply = api.post("/users", json={"user": new_user(username=user.username, password="short")})

    assert reply.status == 422
    assert reply.errors == {"password": ["is too short (minimum is 8 characters)"]}


def test_register_ignores_unknown_fields(api):
    fields = new_user(role="admin", is_superuser=True)

    reply = api.post("/users", json={"user": fields, "extra": 1})

    assert reply.status == 201
    assert set(reply.body["user"]) >= {"username", "email", "token", "bio", "image"}


def test_login_answers_the_user_with_a_token(api, user):
    reply = api.post("/users/login", json={"user": {"email": user.email, "password": PASSWORD}})

    assert reply.status == 200
    assert reply.body["user"]["username"] == user.username
    assert reply.body["user"]["email"] == user.email
    token = reply.body["user"]["token"]
    assert api.as_user(token).get("/user").body["user"]["username"] == user.username


def test_login_matches_the_email_in_any_case(api, user):
    credentials = {"email": f" {user.email.upper()} ", "password": PASSWORD}

    reply = api.post("/users/login", json={"user": credentials})

    assert reply.status == 200
    assert reply.body["user"]["username"] == user.username


def test_login_with_a_wrong_password_is_401(api, user):
    reply = api.post("/users/login", json={"user": {"email": user.email, "password": "wrong-pass"}})

    assert reply.status == 401
    assert reply.errors == {"credentials": ["invalid"]}


def test_login_with_an_unknown_email_is_401(api):
    credentials = {"email": f"{unique()}@example.com", "password": PASSWORD}

    reply = api.post("/users/login", json={"user": credentials})

    assert reply.status == 401
    assert reply.errors == {"credentials": ["invalid"]}


def test_login_with_a_malformed_email_is_422(api):
    reply = api.post("/users/login", json={"user": {"email": "not-an-email", "password": PASSWORD}})

    assert reply.status == 422
    assert reply.errors == {"email": ["is invalid"]}


def test_login_lists_every_missing_field(api):
    reply = api.post("/users/login", json={"user": {}})

    assert reply.status == 422
    assert reply.errors == {"email": ["can't be blank"], "password": ["can't be blank"]}


def test_login_with_a_blank_password_is_422(api, user):
    reply = api.post("/users/login", json={"user": {"email": user.email, "password": ""}})

    assert reply.status == 422
    assert reply.errors == {"password": ["can't be blank"]}


def test_two_registrations_give_two_users(twin):
    first, second = register_user(twin.base_url), register_user(twin.base_url)

    assert first.token != second.token
    assert first.api.get("/user").body["user"]["username"] == first.username
    assert second.api.get("/user").body["user"]["username"] == second.username
