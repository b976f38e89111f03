"""The feed: `GET /api/articles/feed`, articles by the authors the reader follows."""

import pytest

from tests.support.api import create_article, follow, list_slugs, register_user


@pytest.fixture
def author(twin):
    return register_user(twin.base_url)


def test_feed_without_a_token_is_401(api):
    reply = api.get("/articles/feed")

    assert reply.status == 401
    assert reply.errors == {"token": ["is missing"]}


def test_feed_of_someone_who_follows_no_one_is_empty(api_reader):
    reply = api_reader.api.get("/articles/feed")

    assert reply.status == 200
    assert reply.body == {"articles": [], "articlesCount": 0}


def test_feed_lists_followed_authors_only_newest_first(user, author, other_user):
    first = create_article(author)["slug"]
    create_article(other_user)
    second = create_article(author)["slug"]
    follow(user, author.username)

    reply = user.api.get("/articles/feed")

    assert [article["slug"] for article in reply.body["articles"]] == [second, first]
    assert reply.body["articlesCount"] == 2


def test_feed_merges_several_authors_by_date(user, author, other_user):
    a = create_article(author)["slug"]
    b = create_article(other_user)["slug"]
    c = create_article(author)["slug"]
    follow(user, author.username)
    follow(user, other_user.username)

    assert list_slugs(user.api, "/articles/feed") == [c, b, a]


def test_feed_leaves_out_the_body_and_marks_following(user, author):
    create_article(author)
    follow(user, author.username)

    article = user.api.get("/articles/feed").body["articles"][0]

    assert "body" not in article
    assert article["author"]["username"] == author.username
    assert article["author"]["following"] is True


def test_feed_leaves_out_the_readers_own_articles(user, author):
    create_article(user)
    followed = create_article(author)["slug"]
    follow(user, author.username)

    assert list_slugs(user.api, "/articles/feed") == [followed]


def test_feed_pages_with_limit_and_offset(user, author):
    slugs = [create_article(author)["slug"] for _ in range(3)][::-1]
    follow(user, author.username)

    reply = user.api.get("/articles/feed", params={"limit": 2, "offset": 1})

    assert [article["slug"] for article in reply.body["articles"]] == slugs[1:]
    assert reply.body["articlesCount"] == 3


def test_feed_drops_an_author_once_unfollowed(user, author):
    create_article(author)
    follow(user, author.username)
    user.api.delete(f"/profiles/{author.username}/follow")

    assert user.api.get("/articles/feed").body == {"articles": [], "articlesCount": 0}


@pytest.mark.parametrize(("name", "value"), [("limit", "0"), ("limit", "x"), ("offset", "-5")])
def test_feed_refuses_bad_paging(api_reader, name, value):
    reply = api_reader.api.get("/articles/feed", params={name: value})

    assert reply.status == 422
    assert set(reply.errors) == {name}


def test_feed_with_a_bad_token_is_401(api, user):
    reply = api.as_user(user.token[:-2]).get("/articles/feed")

    assert reply.status == 401
    assert reply.errors == {"token": ["is invalid"]}
