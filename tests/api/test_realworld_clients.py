"""What the RealWorld project's own front ends send: a CORS preflight from their origin, then the
request, to paths with a trailing slash (the Angular client publishes with `POST /articles/`)."""

import requests

from tests.support.api import article_fields

ORIGIN = "http://localhost:4200"


def test_a_browser_client_publishes_with_a_trailing_slash(twin, user):
    url = f"{twin.base_url}/api/articles/"
    preflight = requests.options(
        url,
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert 200 <= preflight.status_code < 300
    assert preflight.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}

    created = user.api.post(
        "/articles/", json={"article": article_fields()}, headers={"Origin": ORIGIN}
    )

    assert created.status == 201
    assert created.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}
    assert user.api.get(f"/articles/{created.body['article']['slug']}").status == 200


def test_the_preflight_is_answered_for_a_path_the_api_does_not_have(twin, api):
    preflight = requests.options(
        f"{twin.base_url}/api/no-such-thing",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
        allow_redirects=False,
        timeout=30,
    )
    assert 200 <= preflight.status_code < 300
    assert preflight.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}

    reply = api.get("/no-such-thing", headers={"Origin": ORIGIN})

    assert reply.status == 404
    assert reply.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}


def test_a_failed_login_answers_as_the_realworld_suite_expects(api, user):
    reply = api.post("/users/login", json={"user": {"email": user.email, "password": "wrong-one!"}})

    assert reply.status == 401
    assert reply.errors == {"credentials": ["invalid"]}
