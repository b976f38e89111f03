"""The JWT in the `Authorization` header: both schemes, and every way a token can be refused."""

import time

import jwt
import pytest

from tests.support.api import create_article, register_user
from tests.support.factories import PASSWORD, register, unique
from tests.support.tokens import ISSUED_BY, sign

MISSING = {"token": ["is missing"]}
INVALID = {"token": ["is invalid"]}


def claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def signed(twin, **claims) -> str:
    """A token signed with the twin's own key, issuer and audience (skips with --base-url)."""
    return sign(twin, **claims)


def test_current_user_with_the_token_scheme(user):
    reply = user.api.get("/user")

    assert reply.status == 200
    assert reply.body["user"]["username"] == user.username
    assert reply.body["user"]["email"] == user.email


def test_current_user_with_the_bearer_scheme(user):
    reply = user.api.as_user(user.token, scheme="Bearer").get("/user")

    assert reply.status == 200
    assert reply.body["user"]["username"] == user.username


def test_current_user_answers_a_working_token(user):
    token = user.api.get("/user").body["user"]["token"]

    assert user.api.as_user(token).get("/user").body["user"]["username"] == user.username


def test_current_user_without_a_token_is_401(api):
    reply = api.get("/user")

    assert reply.status == 401
    assert reply.errors == MISSING


def test_the_token_is_an_hs256_jwt_naming_the_user_for_seven_days(user):
    header = jwt.get_unverified_header(user.token)
    claims = claims_of(user.token)

    assert header["alg"] == "HS256"
    assert set(claims) >= {"iss", "aud", "sub", "iat", "exp"}
    assert isinstance(claims["sub"], str)
    assert claims["sub"].isdigit()
    assert claims["exp"] - claims["iat"] == 7 * 24 * 3600
    assert abs(claims["iat"] - time.time()) < 300


@pytest.mark.parametrize(
    "header",
    [
        "Token",
        "Token not-a-jwt",
        "Token a.b.c",
        "Basic dXNlcjpwYXNz",
        "Token one two",
    ],
)
def test_a_malformed_authorization_header_is_401(api, header):
    reply = api.get("/user", headers={"Authorization": header})

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_token_in_an_unknown_scheme_is_401(api, user):
    reply = api.get("/user", headers={"Authorization": f"JWT {user.token}"})

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_token_with_a_tampered_signature_is_401(api, user):
    head, payload, signature = user.token.split(".")
    tampered = f"{head}.{payload}.{signature[::-1]}"

    reply = api.as_user(tampered).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_token_signed_with_another_key_is_401(api, user):
    forged = jwt.encode(claims_of(user.token), "not-the-server-key-" * 3, algorithm="HS256")

    reply = api.as_user(forged).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_an_unsigned_token_is_401(api, user):
    unsigned = jwt.encode(claims_of(user.token), None, algorithm="none")

    reply = api.as_user(unsigned).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_an_expired_token_is_401(twin, api, user):
    now = int(time.time())
    expired = signed(twin, sub=claims_of(user.token)["sub"], iat=now - 8 * 86400, exp=now - 60)

    reply = api.as_user(expired).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_token_the_suite_signs_like_the_server_works(twin, api, user):
    now = int(time.time())
    token = signed(twin, sub=claims_of(user.token)["sub"], iat=now, exp=now + 600)

    assert api.as_user(token).get("/user").body["user"]["username"] == user.username


def test_a_token_without_an_expiry_is_401(twin, api, user):
    token = signed(twin, sub=claims_of(user.token)["sub"], iat=int(time.time()))

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_token_whose_subject_is_not_a_string_is_401(twin, api, user):
    now = int(time.time())
    token = signed(twin, sub=int(claims_of(user.token)["sub"]), iat=now, exp=now + 600)

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_token_signed_with_another_algorithm_is_401(twin, api, user):
    if twin.secret_key is None:
        pytest.skip("the server's SECRET_KEY is unknown (--base-url)")
    now = int(time.time())
    claims = {"sub": claims_of(user.token)["sub"], "iat": now, "exp": now + 600}
    token = jwt.encode({**ISSUED_BY[twin.name], **claims}, twin.secret_key, algorithm="HS512")

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


@pytest.mark.parametrize(
    "subject",
    ["9000000000000000000", "9999999999999999999"],
    ids=["unused-id", "past-the-largest-64-bit-integer"],
)
def test_a_token_for_a_user_who_does_not_exist_is_401(twin, api, subject):
    now = int(time.time())
    token = signed(twin, sub=subject, iat=now, exp=now + 600)

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_a_bad_token_is_401_even_where_auth_is_optional(api, user):
    slug = create_article(user)["slug"]
    bad = api.as_user(user.token + "x")

    optional = ("/articles", f"/articles/{slug}", f"/articles/{slug}/comments")
    for path in (*optional, f"/profiles/{user.username}"):
        reply = bad.get(path)
        assert reply.status == 401, path
        assert reply.errors == INVALID


def test_the_api_ignores_the_session_cookie(twin, api):
    account = register(twin.base_url)
    cookies = account.browser.session.cookies.get_dict()
    assert cookies, "the pages' sign-in set no cookie"

    reply = api.get("/user", cookies=cookies)

    assert reply.status == 401
    assert reply.errors == MISSING
    assert "Set-Cookie" not in reply.headers


def test_the_api_needs_no_csrf_token_with_a_session_cookie(twin):
    account = register(twin.base_url)
    user = register_user(twin.base_url)
    cookies = account.browser.session.cookies.get_dict()

    article = {"title": "T", "description": "D", "body": "B"}

    reply = user.api.post("/articles", json={"article": article}, cookies=cookies)

    assert reply.status == 201
    assert reply.body["article"]["author"]["username"] == user.username


def test_operations_that_take_no_token_ignore_a_bad_one(api):
    bad = api.as_user("not-a-jwt")
    username = unique()
    fields = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}

    assert bad.get("/tags").status == 200
    assert bad.post("/users", json={"user": fields}).status == 201
    assert bad.post("/users/login", json={"user": fields}).status == 200
