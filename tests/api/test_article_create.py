"""Publishing an article: `POST /api/articles`, its slug, tags and validation."""

import re

import pytest

from tests.support.api import article_fields, create_article, list_slugs, timestamp
from tests.support.factories import unique


def test_create_answers_201_with_the_whole_article(user):
    fields = article_fields(tagList=["beta", "alpha"])

    reply = user.api.post("/articles", json={"article": fields})

    assert reply.status == 201
    article = reply.body["article"]
    assert (article["title"], article["description"]) == (fields["title"], fields["description"])
    assert article["body"] == fields["body"]
    assert article["tagList"] == ["alpha", "beta"]
    assert (article["favorited"], article["favoritesCount"]) == (False, 0)
    assert article["author"] == {
        "username": user.username,
        "bio": None,
        "image": None,
        "following": False,
    }


def test_create_makes_the_slug_from_the_title(user):
    word = unique("w")

    article = create_article(user, title=f"Hello,  World! {word.upper()}")

    assert article["slug"] == f"hello-world-{word}"


def test_the_slug_folds_accents_and_drops_symbols(user):
    word = unique("w")

    article = create_article(user, title=f"Café Ünïcode & <Symbols> {word}")

    assert article["slug"] == f"cafe-unicode-symbols-{word}"


def test_the_slug_is_cut_to_100_characters(user):
    title = (unique("long") + "-" + "x" * 120)[:120]

    article = create_article(user, title=title)

    assert article["slug"] == title[:100]


def test_a_title_without_letters_or_digits_gives_an_article_slug(user):
    article = create_article(user, title="!!! ??? ...")

    assert re.fullmatch(r"article(-[0-9a-f]{6})?", article["slug"])


def test_the_same_title_twice_gives_two_slugs(user, other_user):
    title = f"Same title {unique()}"

    first = create_article(user, title=title)
    second = create_article(other_user, title=title)

    assert first["slug"] != second["slug"]
    assert second["slug"].startswith(first["slug"])
    assert first["title"] == second["title"] == title


def test_timestamps_have_milliseconds_and_z(user):
    article = create_article(user)

    created, updated = timestamp(article["createdAt"]), timestamp(article["updatedAt"])

    assert abs((updated - created).total_seconds()) < 1


def test_create_drops_duplicate_tags(user):
    tag = unique("t")

    article = create_article(user, tagList=[tag, "other", tag])

    assert article["tagList"] == sorted([tag, "other"])


def test_create_lowercases_tags(user):
    tag = unique("t")

    assert create_article(user, tagList=[tag.upper()])["tagList"] == [tag]


def test_create_without_tags(user):
    fields = article_fields()
    del fields["tagList"]

    reply = user.api.post("/articles", json={"article": fields})

    assert reply.status == 201
    assert reply.body["article"]["tagList"] == []


def test_create_without_a_token_is_401(api):
    reply = api.post("/articles", json={"article": article_fields()})

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}


def test_create_lists_every_missing_field(refused):
    reply = refused.api.post("/articles", json={"article": {}})

    assert reply.status == 422
    assert reply.errors == {
        "title": ["can't be blank"],
        "description": ["can't be blank"],
        "body": ["can't be blank"],
    }


@pytest.mark.parametrize("field", ["title", "description", "body"])
@pytest.mark.parametrize("value", ["", "   ", None])
def test_create_refuses_a_blank_field(refused, field, value):
    reply = refused.api.post("/articles", json={"article": article_fields(**{field: value})})

    assert reply.status == 422
    assert reply.errors == {field: ["can't be blank"]}
    assert list_slugs(refused.api, author=refused.username) == []


@pytest.mark.parametrize(
    ("field", "maximum"), [("title", 120), ("description", 255), ("body", 20000)]
)
def test_create_refuses_a_field_over_its_maximum(refused, field, maximum):
    reply = refused.api.post(
        "/articles", json={"article": article_fields(**{field: "x" * (maximum + 1)})}
    )

    assert reply.status == 422
    assert reply.errors == {field: [f"is too long (maximum is {maximum} characters)"]}
    assert list_slugs(refused.api, author=refused.username) == []


def test_create_accepts_fields_at_their_maximum(user):
    title = (unique() + "x" * 120)[:120]

    article = create_article(user, title=title, description="d" * 255, body="b" * 20000)

    assert (article["title"], article["description"]) == (title, "d" * 255)
    assert article["body"] == "b" * 20000


@pytest.mark.parametrize(
    "tag", ["-leading", "_leading", "c++", "über", "semi;colon", "has space", "t" * 41]
)
def test_create_refuses_a_malformed_tag(refused, tag):
    reply = refused.api.post("/articles", json={"article": article_fields(tagList=[tag])})

    assert reply.status == 422
    assert set(reply.errors) == {"tagList"}
    assert list_slugs(refused.api, author=refused.username) == []


def test_create_refuses_more_than_10_tags(refused):
    tags = [unique("t") for _ in range(11)]

    reply = refused.api.post("/articles", json={"article": article_fields(tagList=tags)})

    assert reply.status == 422
    assert reply.errors == {"tagList": ["is too long (maximum is 10 tags)"]}


def test_create_accepts_10_tags(user):
    tags = sorted(unique("t") for _ in range(10))

    assert create_article(user, tagList=tags)["tagList"] == tags


@pytest.mark.parametrize("tags", ["one,two", [1, 2], [None], {"a": 1}, ["ok", ["nested"]]])
def test_create_refuses_a_tag_list_that_is_not_a_list_of_strings(refused, tags):
    reply = refused.api.post("/articles", json={"article": article_fields(tagList=tags)})

    assert reply.status == 422
    assert reply.errors == {"tagList": ["must be a list of strings"]}
