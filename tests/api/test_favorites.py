"""Favorites: `POST` and `DELETE /api/articles/{slug}/favorite`."""

from tests.support.api import create_article, favorite, list_slugs
from tests.support.factories import unique


def test_favorite_answers_the_article_favorited(user, other_user):
    slug = create_article(other_user)["slug"]

    reply = user.api.post(f"/articles/{slug}/favorite")

    assert reply.status == 200
    article = reply.body["article"]
    assert (article["slug"], article["favorited"], article["favoritesCount"]) == (slug, True, 1)
    assert article["body"]


def test_favorites_count_every_reader(api, user, other_user, api_reader):
    slug = create_article(other_user)["slug"]
    favorite(user, slug)

    article = favorite(api_reader, slug)

    assert article["favoritesCount"] == 2
    assert api.get(f"/articles/{slug}").body["article"]["favoritesCount"] == 2
    api_reader.api.delete(f"/articles/{slug}/favorite")


def test_favoriting_twice_counts_once(user, other_user):
    slug = create_article(other_user)["slug"]
    favorite(user, slug)

    article = favorite(user, slug)

    assert (article["favorited"], article["favoritesCount"]) == (True, 1)


def test_authors_may_favorite_their_own_article(user):
    slug = create_article(user)["slug"]

    assert favorite(user, slug)["favoritesCount"] == 1


def test_favorited_shows_only_to_the_reader_who_favorited(api, user, other_user):
    slug = create_article(other_user)["slug"]
    favorite(user, slug)

    assert user.api.get(f"/articles/{slug}").body["article"]["favorited"] is True
    assert other_user.api.get(f"/articles/{slug}").body["article"]["favorited"] is False
    assert api.get(f"/articles/{slug}").body["article"]["favorited"] is False


def test_unfavorite_answers_the_article_no_longer_favorited(api, user, other_user):
    slug = create_article(other_user)["slug"]
    favorite(user, slug)

    reply = user.api.delete(f"/articles/{slug}/favorite")

    assert reply.status == 200
    article = reply.body["article"]
    assert (article["favorited"], article["favoritesCount"]) == (False, 0)
    assert list_slugs(api, favorited=user.username) == []


def test_unfavoriting_what_was_never_favorited_is_fine(user, other_user):
    slug = create_article(other_user)["slug"]

    reply = user.api.delete(f"/articles/{slug}/favorite")

    assert reply.status == 200
    assert reply.body["article"]["favoritesCount"] == 0


def test_favoriting_an_unknown_article_is_404(api_reader):
    reply = api_reader.api.post(f"/articles/{unique('missing')}/favorite")

    assert reply.status == 404
    assert reply.errors == {"article": ["not found"]}


def test_unfavoriting_an_unknown_article_is_404(api_reader):
    reply = api_reader.api.delete(f"/articles/{unique('missing')}/favorite")

    assert reply.status == 404
    assert reply.errors == {"article": ["not found"]}


def test_favorite_without_a_token_is_401(api, user):
    slug = create_article(user)["slug"]

    for method in ("POST", "DELETE"):
        reply = api.request(method, f"/articles/{slug}/favorite")
        assert reply.status == 401, method
        assert reply.errors == {"token": ["is missing"]}
    assert api.get(f"/articles/{slug}").body["article"]["favoritesCount"] == 0


def test_favorited_filter_lists_newest_first(api, user, other_user):
    first = create_article(other_user)["slug"]
    second = create_article(other_user)["slug"]
    favorite(user, second)
    favorite(user, first)

    assert list_slugs(api, favorited=user.username) == [second, first]
