"""Profiles and following: `/api/profiles/{username}` and `/follow`."""

from tests.support.api import follow
from tests.support.factories import unique

NOT_FOUND = {"profile": ["not found"]}


def test_profile_for_an_anonymous_visitor(api, user):
    reply = api.get(f"/profiles/{user.username}")

    assert reply.status == 200
    assert reply.body["profile"] == {
        "username": user.username,
        "bio": None,
        "image": None,
        "following": False,
    }


def test_profile_of_an_unknown_user_is_404(api):
    reply = api.get(f"/profiles/{unique('nobody')}")

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_profile_matches_the_username_exactly(api, user):
    reply = api.get(f"/profiles/{user.username.upper()}")

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_follow_answers_the_profile_followed(user, other_user):
    reply = user.api.post(f"/profiles/{other_user.username}/follow")

    assert reply.status == 200
    assert reply.body["profile"]["username"] == other_user.username
    assert reply.body["profile"]["following"] is True


def test_a_followed_profile_shows_following_to_the_follower_only(api, user, other_user):
    follow(user, other_user.username)

    assert user.api.get(f"/profiles/{other_user.username}").body["profile"]["following"] is True
    assert api.get(f"/profiles/{other_user.username}").body["profile"]["following"] is False
    assert other_user.api.get(f"/profiles/{user.username}").body["profile"]["following"] is False


def test_following_twice_keeps_following(user, other_user):
    follow(user, other_user.username)

    reply = user.api.post(f"/profiles/{other_user.username}/follow")

    assert reply.status == 200
    assert reply.body["profile"]["following"] is True


def test_unfollow_answers_the_profile_no_longer_followed(user, other_user):
    follow(user, other_user.username)

    reply = user.api.delete(f"/profiles/{other_user.username}/follow")

    assert reply.status == 200
    assert reply.body["profile"]["following"] is False
    assert user.api.get(f"/profiles/{other_user.username}").body["profile"]["following"] is False


def test_unfollowing_someone_not_followed_is_fine(user, other_user):
    reply = user.api.delete(f"/profiles/{other_user.username}/follow")

    assert reply.status == 200
    assert reply.body["profile"]["following"] is False


def test_following_oneself_is_422(user):
    reply = user.api.post(f"/profiles/{user.username}/follow")

    assert reply.status == 422
    assert reply.errors == {"profile": ["cannot follow yourself"]}
    assert user.api.get(f"/profiles/{user.username}").body["profile"]["following"] is False


def test_following_an_unknown_user_is_404(api_reader):
    reply = api_reader.api.post(f"/profiles/{unique('nobody')}/follow")

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_unfollowing_an_unknown_user_is_404(api_reader):
    reply = api_reader.api.delete(f"/profiles/{unique('nobody')}/follow")

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_follow_without_a_token_is_401(api, user):
    reply = api.post(f"/profiles/{user.username}/follow")

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}


def test_unfollow_without_a_token_is_401(api, user):
    reply = api.delete(f"/profiles/{user.username}/follow")

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}


def test_profile_shows_bio_and_image_once_set(api, user):
    user.api.put("/user", json={"user": {"bio": "Hello.", "image": "http://example.com/me.jpg"}})

    profile = api.get(f"/profiles/{user.username}").body["profile"]

    assert (profile["bio"], profile["image"]) == ("Hello.", "http://example.com/me.jpg")
