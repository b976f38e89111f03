"""One article: read, update, delete (`/api/articles/{slug}`)."""

import time

import pytest

from tests.support.api import create_article, list_slugs, timestamp
from tests.support.factories import unique

NOT_FOUND = {"article": ["not found"]}
FORBIDDEN = {"article": ["forbidden"]}


def test_get_an_article_anonymously(api, user):
    created = create_article(user, tagList=["news"])

    reply = api.get(f"/articles/{created['slug']}")

    assert reply.status == 200
    assert reply.body["article"] == created


def test_get_an_unknown_article_is_404(api):
    reply = api.get(f"/articles/{unique('missing')}")

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_update_changes_the_fields_and_keeps_the_slug(api, user):
    created = create_article(user)

    changes = {"title": "A new title", "description": "New.", "body": "New body."}
    reply = user.api.put(f"/articles/{created['slug']}", json={"article": changes})

    assert reply.status == 200
    article = reply.body["article"]
    assert article["slug"] == created["slug"]
    assert (article["title"], article["description"], article["body"]) == tuple(changes.values())
    assert api.get(f"/articles/{created['slug']}").body["article"] == article


def test_update_moves_updated_at_and_keeps_created_at(user):
    created = create_article(user)
    time.sleep(0.01)

    first = user.api.put(f"/articles/{created['slug']}", json={"article": {"body": "1"}}).body
    time.sleep(0.01)
    second = user.api.put(f"/articles/{created['slug']}", json={"article": {}}).body

    assert first["article"]["createdAt"] == second["article"]["createdAt"] == created["createdAt"]
    assert timestamp(created["updatedAt"]) < timestamp(first["article"]["updatedAt"])
    assert timestamp(first["article"]["updatedAt"]) < timestamp(second["article"]["updatedAt"])


def test_update_without_tag_list_keeps_the_tags(user):
    created = create_article(user, tagList=["keep", "these"])

    reply = user.api.put(f"/articles/{created['slug']}", json={"article": {"title": "Retitled"}})

    assert reply.body["article"]["tagList"] == ["keep", "these"]


def test_update_with_an_empty_tag_list_clears_the_tags(api, user):
    created = create_article(user, tagList=["gone"])

    reply = user.api.put(f"/articles/{created['slug']}", json={"article": {"tagList": []}})

    assert reply.body["article"]["tagList"] == []
    assert api.get(f"/articles/{created['slug']}").body["article"]["tagList"] == []


def test_update_replaces_the_tags(user):
    created = create_article(user, tagList=["old", "kept"])

    tags = ["new", "kept"]
    reply = user.api.put(f"/articles/{created['slug']}", json={"article": {"tagList": tags}})

    assert reply.body["article"]["tagList"] == ["kept", "new"]


def test_update_with_a_null_tag_list_is_422(api, user):
    created = create_article(user, tagList=["stays"])

    reply = user.api.put(f"/articles/{created['slug']}", json={"article": {"tagList": None}})

    assert reply.status == 422
    assert reply.errors == {"tagList": ["must be a list of strings"]}
    assert api.get(f"/articles/{created['slug']}").body["article"]["tagList"] == ["stays"]


@pytest.mark.parametrize("field", ["title", "description", "body"])
def test_update_refuses_a_blank_field(api, user, field):
    created = create_article(user)

    reply = user.api.put(f"/articles/{created['slug']}", json={"article": {field: " "}})

    assert reply.status == 422
    assert reply.errors == {field: ["can't be blank"]}
    assert api.get(f"/articles/{created['slug']}").body["article"][field] == created[field]


def test_update_by_someone_else_is_403(api, user, other_user):
    created = create_article(user)

    reply = other_user.api.put(f"/articles/{created['slug']}", json={"article": {"title": "Mine"}})

    assert reply.status == 403
    assert reply.errors == FORBIDDEN
    assert api.get(f"/articles/{created['slug']}").body["article"]["title"] == created["title"]


def test_update_of_an_unknown_article_is_404(api_reader):
    reply = api_reader.api.put(f"/articles/{unique('missing')}", json={"article": {"title": "X"}})

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_update_without_a_token_is_401(api, user):
    created = create_article(user)

    reply = api.put(f"/articles/{created['slug']}", json={"article": {"title": "X"}})

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}


def test_delete_answers_204_and_the_article_is_gone(api, user):
    created = create_article(user)

    reply = user.api.delete(f"/articles/{created['slug']}")

    assert reply.status == 204
    assert reply.response.content == b""
    assert api.get(f"/articles/{created['slug']}").status == 404
    assert list_slugs(api, author=user.username) == []


def test_delete_by_someone_else_is_403_and_keeps_the_article(api, user, other_user):
    created = create_article(user)

    reply = other_user.api.delete(f"/articles/{created['slug']}")

    assert reply.status == 403
    assert reply.errors == FORBIDDEN
    assert api.get(f"/articles/{created['slug']}").status == 200


def test_delete_of_an_unknown_article_is_404(api_reader):
    reply = api_reader.api.delete(f"/articles/{unique('missing')}")

    assert reply.status == 404
    assert reply.errors == NOT_FOUND


def test_delete_without_a_token_is_401(api, user):
    created = create_article(user)

    reply = api.delete(f"/articles/{created['slug']}")

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}
    assert api.get(f"/articles/{created['slug']}").status == 200
