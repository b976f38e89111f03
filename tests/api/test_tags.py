"""Tags: `GET /api/tags` lists every tag that has an article, in name order."""

from tests.support.api import create_article
from tests.support.factories import unique


def tags(api):
    reply = api.get("/tags")
    assert reply.status == 200, reply
    return reply.body["tags"]


def test_tags_are_listed_once_each_in_name_order(api, user, other_user):
    shared, own = unique("t"), unique("t")
    create_article(user, tagList=[shared, own])
    create_article(other_user, tagList=[shared])

    listed = tags(api)

    assert listed == sorted(listed)
    assert len(listed) == len(set(listed))
    assert {shared, own} <= set(listed)


def test_tags_need_no_token(api, user):
    tag = unique("t")
    create_article(user, tagList=[tag])

    assert tag in tags(user.api)
    assert tag in tags(api)


def test_a_tag_without_articles_is_not_listed(api, user):
    tag = unique("t")
    slug = create_article(user, tagList=[tag])["slug"]

    user.api.delete(f"/articles/{slug}")

    assert tag not in tags(api)


def test_a_tag_cleared_from_its_only_article_is_not_listed(api, user):
    tag = unique("t")
    slug = create_article(user, tagList=[tag])["slug"]

    user.api.put(f"/articles/{slug}", json={"article": {"tagList": []}})

    assert tag not in tags(api)
