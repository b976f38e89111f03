"""What both twins keep where their routers, lookups and slug rules differ (differences.md)."""

import requests

from tests.support.api import article_fields
from tests.support.factories import unique


def test_an_ascii_title_gives_the_same_slug_in_both(user):
    word = unique("w")
    title = f"  Hello, World! {word.upper()} -- Take  2 (final)?  "

    reply = user.api.post("/articles", json={"article": article_fields(title=title)})

    # Apostrophes, underscores and other scripts are where the twins' slugify rules part
    assert reply.status == 201
    assert reply.body["article"]["slug"] == f"hello-world-{word}-take-2-final"


def test_nul_in_a_path_names_nothing(twin, api):
    for path in ("/profile/a%00b/", "/tag/a%00b/", "/article/a%00b/"):
        response = requests.get(f"{twin.base_url}{path}", allow_redirects=False, timeout=30)
        assert response.status_code == 404, path
    assert api.get("/profiles/a%00b/follow").status in {404, 405}


def test_a_comment_id_past_any_bigint_is_the_comments_404(user):
    slug = user.api.post("/articles", json={"article": article_fields()}).body["article"]["slug"]

    reply = user.api.delete(f"/articles/{slug}/comments/{2**63}")

    assert reply.status == 404
    assert reply.errors == {"comment": ["not found"]}
