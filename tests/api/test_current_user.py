"""Updating the current user: `PUT /api/user`."""

import pytest

from tests.support.factories import unique


def update(user, **fields):
    return user.api.put("/user", json={"user": fields})


def current(user):
    reply = user.api.get("/user")
    assert reply.status == 200, reply
    return reply.body["user"]


def test_update_sets_bio_and_image(api, user):
    image = "https://example.com/avatar.png"

    reply = update(user, bio="I write.", image=image)

    assert reply.status == 200
    assert reply.body["user"]["bio"] == "I write."
    assert reply.body["user"]["image"] == image
    profile = api.get(f"/profiles/{user.username}").body["profile"]
    assert (profile["bio"], profile["image"]) == ("I write.", image)


def test_update_stores_an_empty_bio_and_image_as_null(user):
    assert update(user, bio="Something.", image="https://example.com/a.png").status == 200

    reply = update(user, bio="", image="")

    assert reply.status == 200
    assert (reply.body["user"]["bio"], reply.body["user"]["image"]) == (None, None)
    assert (current(user)["bio"], current(user)["image"]) == (None, None)


def test_update_accepts_null_bio_and_image(user):
    assert current(user)["bio"] is None
    assert update(user, bio="Something.", image="https://example.com/a.png").status == 200
    assert current(user)["bio"] == "Something."

    reply = update(user, bio=None, image=None)

    assert reply.status == 200
    assert (current(user)["bio"], current(user)["image"]) == (None, None)


def test_update_keeps_the_fields_it_is_not_sent(user):
    update(user, bio="Kept.", image="https://example.com/kept.png")

    reply = update(user)

    assert reply.status == 200
    after = current(user)
    assert (after["username"], after["email"]) == (user.username, user.email)
    assert (after["bio"], after["image"]) == ("Kept.", "https://example.com/kept.png")


def test_old_token_still_works_after_a_username_change(api, user):
    new_name = unique("renamed")

    reply = update(user, username=new_name)

    assert reply.status == 200
    assert reply.body["user"]["username"] == new_name
    assert current(user)["username"] == new_name
    fresh = api.as_user(reply.body["user"]["token"])
    assert fresh.get("/user").body["user"]["username"] == new_name
    assert api.get(f"/profiles/{new_name}").status == 200
    assert api.get(f"/profiles/{user.username}").status == 404


def test_old_token_still_works_after_an_email_change(api, user):
    new_email = f"{unique('moved')}@example.com"

    reply = update(user, email=new_email.upper())

    assert reply.status == 200
    assert reply.body["user"]["email"] == new_email
    assert current(user)["email"] == new_email
    login = {"email": new_email, "password": user.password}
    assert api.post("/users/login", json={"user": login}).status == 200


def test_update_changes_the_password(api, user):
    reply = update(user, password="a-brand-new-password")

    assert reply.status == 200
    old = {"email": user.email, "password": user.password}
    new = {"email": user.email, "password": "a-brand-new-password"}
    assert api.post("/users/login", json={"user": old}).status == 401
    assert api.post("/users/login", json={"user": new}).status == 200
    assert current(user)["username"] == user.username


def test_a_user_may_change_the_case_of_their_own_username(user):
    reply = update(user, username=user.username.upper())

    assert reply.status == 200
    assert reply.body["user"]["username"] == user.username.upper()


def test_update_keeping_the_same_email_is_not_a_conflict(user):
    assert update(user, email=user.email, username=user.username).status == 200


@pytest.mark.parametrize("field", ["username", "email", "password"])
@pytest.mark.parametrize("value", ["", None])
def test_update_refuses_an_empty_or_null_required_field(refused, field, value):
    reply = update(refused, **{field: value})

    assert reply.status == 422
    assert reply.errors == {field: ["can't be blank"]}
    after = current(refused)
    assert (after["username"], after["email"]) == (refused.username, refused.email)


def test_update_refuses_a_username_taken_in_another_case(user, other_user):
    reply = update(user, username=other_user.username.upper())

    assert reply.status == 409
    assert reply.errors == {"username": ["has already been taken"]}
    assert current(user)["username"] == user.username


def test_update_refuses_a_taken_email(user, other_user):
    reply = update(user, email=other_user.email)

    assert reply.status == 409
    assert reply.errors == {"email": ["has already been taken"]}
    assert current(user)["email"] == user.email


@pytest.mark.parametrize(
    "image",
    [
        "javascript:alert(1)",
        "ftp://example.com/a.png",
        "not a url",
        "data:image/png;base64,AAAA",
        "https://example.com/" + "a" * 481,
    ],
)
def test_update_refuses_an_image_that_is_not_a_short_http_url(refused, image):
    reply = update(refused, image=image)

    assert reply.status == 422
    assert set(reply.errors) == {"image"}
    assert current(refused)["image"] is None


def test_update_refuses_a_bio_over_1000_characters(refused):
    reply = update(refused, bio="b" * 1001)

    assert reply.status == 422
    assert reply.errors == {"bio": ["is too long (maximum is 1000 characters)"]}
    assert current(refused)["bio"] is None


def test_update_accepts_a_bio_of_1000_characters(user):
    assert update(user, bio="b" * 1000).status == 200
    assert current(user)["bio"] == "b" * 1000


def test_update_lists_every_wrong_field_and_changes_nothing(refused):
    reply = update(refused, username="bad name", email="bad", password="short", bio=5)

    assert reply.status == 422
    assert set(reply.errors) == {"username", "email", "password", "bio"}
    after = current(refused)
    assert (after["username"], after["email"], after["bio"]) == (
        refused.username,
        refused.email,
        None,
    )


def test_update_without_a_token_is_401(api):
    reply = api.put("/user", json={"user": {"bio": "Nobody."}})

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}
