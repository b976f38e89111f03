"""A token is good on the twin that issued it only: each twin has its own key, issuer, audience."""

import time

import jwt
import pytest

from tests.support.api import Api, ApiUser, register_user
from tests.support.tokens import ISSUED_BY, sign

INVALID = {"token": ["is invalid"]}


@pytest.fixture
def api(twin) -> Api:
    return Api(twin.base_url)


@pytest.fixture
def user(twin) -> ApiUser:
    return register_user(twin.base_url)


def subject(token: str) -> str:
    return jwt.decode(token, options={"verify_signature": False})["sub"]


def other_twin(twin) -> str:
    if twin.name not in ISSUED_BY:
        pytest.skip("the other twin is unknown (--base-url)")
    return next(name for name in ISSUED_BY if name != twin.name)


def fresh(**claims) -> dict:
    now = int(time.time())
    return {"iat": now, "exp": now + 600, **claims}


def test_tokens_name_the_twin_that_issued_them(twin, user):
    claims = jwt.decode(user.token, options={"verify_signature": False})

    assert {"iss": claims["iss"], "aud": claims["aud"]} == ISSUED_BY[twin.name]


def test_a_token_the_other_twin_would_issue_is_refused_even_with_this_key(twin, api, user):
    token = sign(twin, key_of=other_twin(twin), **fresh(sub=subject(user.token)))

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID
    assert "Set-Cookie" not in reply.headers


@pytest.mark.parametrize("missing", [("iss",), ("aud",), ("iss", "aud")])
def test_a_token_without_an_issuer_or_audience_is_refused(twin, api, user, missing):
    """Without both, a token says nothing of who made it: one twin's key is all it would need."""
    token = sign(twin, **fresh(sub=subject(user.token)))
    claims = jwt.decode(token, options={"verify_signature": False})
    for claim in missing:
        del claims[claim]
    token = jwt.encode(claims, twin.secret_key, algorithm="HS256")

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


@pytest.mark.parametrize(("claim", "value"), [("iss", "someone-else"), ("aud", "someone-else")])
def test_a_token_for_another_audience_or_from_another_issuer_is_refused(
    twin, api, user, claim, value
):
    token = sign(twin, **fresh(sub=subject(user.token), **{claim: value}))

    reply = api.as_user(token).get("/user")

    assert reply.status == 401
    assert reply.errors == INVALID


def test_the_same_claims_with_this_twins_issuer_work(twin, api, user):
    token = sign(twin, **fresh(sub=subject(user.token)))

    assert api.as_user(token).get("/user").body["user"]["username"] == user.username


def test_an_article_stays_unchanged_under_a_foreign_token(twin, user):
    slug = user.api.post(
        "/articles", json={"article": {"title": "Mine", "description": "D", "body": "B"}}
    ).body["article"]["slug"]
    claims = fresh(sub=subject(user.token))
    foreign = Api(twin.base_url, sign(twin, key_of=other_twin(twin), **claims))

    reply = foreign.put(f"/articles/{slug}", json={"article": {"title": "Taken over"}})

    assert reply.status == 401
    assert user.api.get(f"/articles/{slug}").body["article"]["title"] == "Mine"
