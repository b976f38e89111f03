"""Transport: exact paths, JSON errors for unknown paths and methods, CORS, security headers."""

import pytest
import requests

ORIGIN = "http://frontend.example"


def preflight(twin, path, method):
    return requests.options(
        f"{twin.base_url}/api{path}",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization,content-type",
        },
        allow_redirects=False,
        timeout=30,
    )


def listed(header_value: str | None) -> set[str]:
    return {item.strip().lower() for item in (header_value or "").split(",") if item.strip()}


@pytest.mark.parametrize("path", ["/tags/", "/articles/", "/profiles/nobody-at-all/"])
def test_a_get_with_a_trailing_slash_is_served_not_redirected(api, path):
    reply = api.get(path)

    assert reply.status in {200, 404}
    assert reply.status == api.get(path.rstrip("/")).status


def test_a_doubled_slash_is_a_json_404_not_a_redirect(api):
    reply = api.get("//tags")

    assert reply.status == 404
    assert reply.errors == {"resource": ["not found"]}


@pytest.mark.parametrize("path", ["/nothing-here", "/articles/a/b/c/d", "/users/logout", "/tag"])
def test_an_unknown_api_path_is_a_json_404(api, path):
    reply = api.get(path)

    assert reply.status == 404
    assert reply.errors == {"resource": ["not found"]}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PATCH", "/articles"),
        ("DELETE", "/tags"),
        ("GET", "/users"),
        ("GET", "/users/login"),
        ("POST", "/user"),
        ("PUT", "/articles/feed"),
        ("GET", "/articles/some-slug/favorite"),
    ],
)
def test_a_method_the_path_does_not_take_is_a_json_405(api, method, path):
    reply = api.request(method, path)

    assert reply.status == 405
    assert reply.errors == {"method": ["not allowed"]}


def test_preflight_allows_any_origin_with_the_auth_header(twin):
    response = preflight(twin, "/articles", "POST")

    assert 200 <= response.status_code < 300
    assert response.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}
    assert {"authorization", "content-type"} <= listed(
        response.headers.get("Access-Control-Allow-Headers")
    )
    assert "post" in listed(response.headers.get("Access-Control-Allow-Methods"))
    assert response.headers.get("Access-Control-Allow-Credentials") != "true"


@pytest.mark.parametrize(
    ("path", "method"), [("/user", "PUT"), ("/articles/a-slug", "DELETE"), ("/tags", "GET")]
)
def test_preflight_answers_every_api_path(twin, path, method):
    response = preflight(twin, path, method)

    assert 200 <= response.status_code < 300
    assert response.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}
    assert method.lower() in listed(response.headers.get("Access-Control-Allow-Methods"))


def test_api_responses_allow_other_origins(api):
    reply = api.get("/tags", headers={"Origin": ORIGIN})

    assert reply.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}


def test_api_errors_allow_other_origins_too(api):
    reply = api.get("/user", headers={"Origin": ORIGIN})

    assert reply.status == 401
    assert reply.headers.get("Access-Control-Allow-Origin") in {"*", ORIGIN}


def test_pages_send_no_cors_headers(twin):
    response = requests.get(f"{twin.base_url}/", headers={"Origin": ORIGIN}, timeout=30)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_api_responses_carry_the_security_headers(api):
    reply = api.get("/tags")

    assert reply.headers.get("X-Content-Type-Options") == "nosniff"
    assert reply.headers.get("X-Frame-Options") == "DENY"


def test_api_answers_utf8_json(api, user):
    user.api.put("/user", json={"user": {"bio": "Grüße, 世界 🌍"}})

    reply = api.get(f"/profiles/{user.username}")

    assert reply.response.encoding is None or reply.response.encoding.lower() == "utf-8"
    assert reply.response.content.decode("utf-8")
    assert reply.body["profile"]["bio"] == "Grüße, 世界 🌍"
