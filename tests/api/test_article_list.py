"""The article list: `GET /api/articles` with its filters, pagination and ordering."""

import pytest

from tests.support.api import create_article, favorite, follow, list_slugs, register_user, timestamp
from tests.support.factories import unique
from tests.support.query_counts import query_count

SUMMARY_FIELDS = {
    "slug",
    "title",
    "description",
    "tagList",
    "createdAt",
    "updatedAt",
    "favorited",
    "favoritesCount",
    "author",
}


def page(api, **params):
    reply = api.get("/articles", params=params)
    assert reply.status == 200, reply
    return reply.body


def test_list_leaves_out_the_body(api, user):
    create_article(user)

    articles = page(api, author=user.username)["articles"]

    assert len(articles) == 1
    assert set(articles[0]) == SUMMARY_FIELDS


def test_list_is_newest_first(api, user):
    slugs = [create_article(user)["slug"] for _ in range(3)]

    body = page(api, author=user.username)

    assert [article["slug"] for article in body["articles"]] == slugs[::-1]
    created = [timestamp(article["createdAt"]) for article in body["articles"]]
    assert created == sorted(created, reverse=True)


def test_list_filters_by_author(api, user, other_user):
    mine = create_article(user)["slug"]
    create_article(other_user)

    assert list_slugs(api, author=user.username) == [mine]


def test_list_filters_by_tag(api, user):
    tag = unique("t")
    tagged = create_article(user, tagList=[tag, unique("t")])["slug"]
    create_article(user, tagList=[unique("t")])

    body = page(api, tag=tag)

    assert [article["slug"] for article in body["articles"]] == [tagged]
    assert body["articlesCount"] == 1


def test_list_filters_by_favorited(api, user, other_user):
    liked = create_article(other_user)["slug"]
    create_article(other_user)
    favorite(user, liked)

    assert list_slugs(api, favorited=user.username) == [liked]


def test_list_filters_combine(api, user, other_user):
    tag = unique("t")
    wanted = create_article(user, tagList=[tag])["slug"]
    create_article(user)
    create_article(other_user, tagList=[tag])
    favorite(other_user, wanted)

    assert list_slugs(api, author=user.username, tag=tag) == [wanted]
    assert list_slugs(api, author=user.username, favorited=other_user.username) == [wanted]
    assert list_slugs(api, tag=tag, favorited=user.username) == []


@pytest.mark.parametrize("name", ["tag", "author", "favorited"])
def test_list_filter_naming_nothing_known_is_an_empty_page(api, name):
    body = page(api, **{name: unique("nothing")})

    assert body == {"articles": [], "articlesCount": 0}


def test_list_counts_every_match_not_the_page(api, user):
    for _ in range(3):
        create_article(user)

    body = page(api, author=user.username, limit=2)

    assert len(body["articles"]) == 2
    assert body["articlesCount"] == 3


def test_list_pages_with_limit_and_offset(api, user):
    slugs = [create_article(user)["slug"] for _ in range(5)][::-1]

    assert list_slugs(api, author=user.username, limit=2) == slugs[:2]
    assert list_slugs(api, author=user.username, limit=2, offset=2) == slugs[2:4]
    assert list_slugs(api, author=user.username, limit=2, offset=4) == slugs[4:]
    assert list_slugs(api, author=user.username, offset=1) == slugs[1:]


def test_list_limit_defaults_to_20(api, user):
    slugs = [create_article(user)["slug"] for _ in range(21)][::-1]

    body = page(api, author=user.username)

    assert [article["slug"] for article in body["articles"]] == slugs[:20]
    assert body["articlesCount"] == 21


def test_list_offset_past_the_end_is_an_empty_page_with_the_count(api, user):
    create_article(user)

    assert page(api, author=user.username, offset=5) == {"articles": [], "articlesCount": 1}


def test_list_accepts_the_bounds_of_limit_and_offset(api, user):
    create_article(user)

    assert len(page(api, author=user.username, limit=1)["articles"]) == 1
    assert len(page(api, author=user.username, limit=100)["articles"]) == 1
    assert page(api, author=user.username, offset=2147483647)["articlesCount"] == 1


@pytest.mark.parametrize(
    "value", ["0", "101", "-1", "abc", "1.5", "", "1e2", "99999999999999999999"]
)
def test_list_refuses_a_limit_out_of_range(api, value):
    reply = api.get("/articles", params={"limit": value})

    assert reply.status == 422
    assert reply.errors == {"limit": ["must be an integer from 1 to 100"]}


@pytest.mark.parametrize("value", ["-1", "x", "2147483648", "0.5", "", "99999999999999999999"])
def test_list_refuses_an_offset_out_of_range(api, value):
    reply = api.get("/articles", params={"offset": value})

    assert reply.status == 422
    assert reply.errors == {"offset": ["must be an integer from 0 to 2147483647"]}


def test_list_lists_both_bad_parameters(api):
    reply = api.get("/articles", params={"limit": "0", "offset": "-1"})

    assert reply.status == 422
    assert set(reply.errors) == {"limit", "offset"}


def test_list_marks_what_the_reader_favorited_and_follows(api, user, other_user):
    slug = create_article(other_user)["slug"]
    favorite(user, slug)
    follow(user, other_user.username)

    mine = user.api.get("/articles", params={"author": other_user.username}).body["articles"][0]
    theirs = api.get("/articles", params={"author": other_user.username}).body["articles"][0]

    assert (mine["favorited"], mine["favoritesCount"]) == (True, 1)
    assert mine["author"]["following"] is True
    assert (theirs["favorited"], theirs["favoritesCount"]) == (False, 1)
    assert theirs["author"]["following"] is False


def test_list_shows_tags_in_name_order(api, user):
    create_article(user, tagList=["zeta", "alpha", "mu"])

    assert page(api, author=user.username)["articles"][0]["tagList"] == ["alpha", "mu", "zeta"]


def test_list_includes_articles_of_every_author(api, twin):
    authors = [register_user(twin.base_url) for _ in range(2)]
    slugs = {create_article(author)["slug"] for author in authors}

    assert slugs <= set(list_slugs(api, limit=100))


def test_list_queries_do_not_grow_with_the_page(twin, user, other_user):
    for _ in range(4):
        slug = create_article(other_user, tagList=[unique("t"), unique("t")])["slug"]
        favorite(user, slug)
    follow(user, other_user.username)

    filters = {"/articles": {"author": other_user.username}, "/articles/feed": {}}
    counts = {
        path: [
            query_count(twin, user.api.get(path, params={**extra, "limit": n}).headers)
            for n in (1, 4)
        ]
        for path, extra in filters.items()
    }

    assert counts["/articles"][0] == counts["/articles"][1]
    assert counts["/articles/feed"][0] == counts["/articles/feed"][1]
