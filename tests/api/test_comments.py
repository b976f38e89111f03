"""Comments: `/api/articles/{slug}/comments` and `/api/articles/{slug}/comments/{id}`."""

import pytest

from tests.support.api import add_comment, create_article, follow, timestamp
from tests.support.database import stored_ids
from tests.support.factories import unique


@pytest.fixture
def slug(user):
    return create_article(user)["slug"]


def comment_ids(api, slug):
    reply = api.get(f"/articles/{slug}/comments")
    assert reply.status == 200, reply
    return [comment["id"] for comment in reply.body["comments"]]


def test_add_comment_answers_201_with_the_comment(user, other_user, slug):
    reply = other_user.api.post(f"/articles/{slug}/comments", json={"comment": {"body": "Nice."}})

    assert reply.status == 201
    comment = reply.body["comment"]
    assert comment["body"] == "Nice."
    assert comment["author"] == {
        "username": other_user.username,
        "bio": None,
        "image": None,
        "following": False,
    }
    assert timestamp(comment["createdAt"]) <= timestamp(comment["updatedAt"])


def test_comments_are_listed_newest_first_to_anyone(api, user, other_user, slug):
    first = add_comment(user, slug, "First.")
    second = add_comment(other_user, slug, "Second.")

    reply = api.get(f"/articles/{slug}/comments")

    assert reply.status == 200
    assert reply.body["comments"] == [second, first]


def test_an_article_without_comments_lists_none(api, slug):
    assert api.get(f"/articles/{slug}/comments").body == {"comments": []}


def test_comments_show_whom_the_reader_follows(user, other_user, slug):
    add_comment(other_user, slug)
    follow(user, other_user.username)

    comment = user.api.get(f"/articles/{slug}/comments").body["comments"][0]

    assert comment["author"]["following"] is True


def test_comments_of_an_unknown_article_is_404(api):
    reply = api.get(f"/articles/{unique('missing')}/comments")

    assert reply.status == 404
    assert reply.errors == {"article": ["not found"]}


def test_commenting_on_an_unknown_article_is_404(api_reader):
    path = f"/articles/{unique('missing')}/comments"

    reply = api_reader.api.post(path, json={"comment": {"body": "Hello?"}})

    assert reply.status == 404
    assert reply.errors == {"article": ["not found"]}


def test_commenting_without_a_token_is_401(api, slug):
    reply = api.post(f"/articles/{slug}/comments", json={"comment": {"body": "Hi."}})

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}
    assert comment_ids(api, slug) == []


@pytest.mark.parametrize("body", ["", "  \n ", None])
def test_a_blank_comment_is_422(api, user, slug, body):
    reply = user.api.post(f"/articles/{slug}/comments", json={"comment": {"body": body}})

    assert reply.status == 422
    assert reply.errors == {"body": ["can't be blank"]}
    assert comment_ids(api, slug) == []


def test_a_comment_over_5000_characters_is_422(api, user, slug):
    reply = user.api.post(f"/articles/{slug}/comments", json={"comment": {"body": "c" * 5001}})

    assert reply.status == 422
    assert reply.errors == {"body": ["is too long (maximum is 5000 characters)"]}
    assert comment_ids(api, slug) == []


def test_a_comment_of_5000_characters_is_accepted(user, slug):
    assert add_comment(user, slug, "c" * 5000)["body"] == "c" * 5000


def test_a_comment_without_its_wrapper_is_422(api, user, slug):
    reply = user.api.post(f"/articles/{slug}/comments", json={"body": "Unwrapped."})

    assert reply.status == 422
    assert reply.errors == {"comment": ["can't be blank"]}
    assert comment_ids(api, slug) == []


def test_delete_own_comment_answers_204(api, user, slug):
    kept = add_comment(user, slug, "Kept.")
    gone = add_comment(user, slug, "Gone.")

    reply = user.api.delete(f"/articles/{slug}/comments/{gone['id']}")

    assert reply.status == 204
    assert reply.response.content == b""
    assert comment_ids(api, slug) == [kept["id"]]


def test_deleting_someone_elses_comment_is_403(api, user, other_user, slug):
    comment = add_comment(other_user, slug)

    reply = user.api.delete(f"/articles/{slug}/comments/{comment['id']}")

    assert reply.status == 403
    assert reply.errors == {"comment": ["forbidden"]}
    assert comment_ids(api, slug) == [comment["id"]]


def test_deleting_an_unknown_comment_is_404(user, slug):
    reply = user.api.delete(f"/articles/{slug}/comments/9223372036854775807")

    assert reply.status == 404
    assert reply.errors == {"comment": ["not found"]}


def test_deleting_a_comment_through_another_article_is_404(api, user, slug):
    comment = add_comment(user, slug)
    elsewhere = create_article(user)["slug"]

    reply = user.api.delete(f"/articles/{elsewhere}/comments/{comment['id']}")

    assert reply.status == 404
    assert reply.errors == {"comment": ["not found"]}
    assert comment_ids(api, slug) == [comment["id"]]


def test_deleting_a_comment_of_an_unknown_article_is_404(user, slug):
    comment = add_comment(user, slug)

    reply = user.api.delete(f"/articles/{unique('missing')}/comments/{comment['id']}")

    assert reply.status == 404
    assert reply.errors == {"article": ["not found"]}


def test_deleting_a_comment_without_a_token_is_401(api, user, slug):
    comment = add_comment(user, slug)

    reply = api.delete(f"/articles/{slug}/comments/{comment['id']}")

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}
    assert comment_ids(api, slug) == [comment["id"]]


def test_deleting_an_article_deletes_its_comments(twin, api, user, other_user, slug):
    comments = [add_comment(user, slug)["id"], add_comment(other_user, slug)["id"]]
    assert stored_ids(twin, "comment", comments) == set(comments)

    assert user.api.delete(f"/articles/{slug}").status == 204

    assert api.get(f"/articles/{slug}/comments").status == 404
    assert stored_ids(twin, "comment", comments) == set()
