"""Bad input gets a 4xx with a RealWorld error body, never a 5xx, and nothing is stored."""

import json

import pytest

from tests.support.api import article_fields, create_article, favorite, list_slugs
from tests.support.factories import PASSWORD, unique

NOT_AN_OBJECT = {"request": ["must be a JSON object"]}
LIMIT = 1_048_576


def padded_article(size: int) -> bytes:
    """A valid new article, padded with an unknown field to exactly `size` bytes of JSON."""
    article = article_fields()
    empty = json.dumps({"article": {**article, "padding": ""}}).encode()
    return json.dumps({"article": {**article, "padding": "p" * (size - len(empty))}}).encode()


@pytest.mark.parametrize(
    "raw",
    [b"{not json", b'{"article": ', b"[1, 2]", b'"a string"', b"42", b"null", b"", b"\xff\xfe{}"],
    ids=["malformed", "truncated", "array", "string", "number", "null", "empty", "not-utf8"],
)
def test_a_body_that_is_not_a_json_object_is_422(api, refused, raw):
    reply = refused.api.post("/articles", data=raw)

    assert reply.status == 422
    assert reply.errors == NOT_AN_OBJECT
    assert list_slugs(api, author=refused.username) == []


def test_a_form_encoded_body_is_422(api, refused):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}

    reply = refused.api.post("/articles", data="title=T&description=D&body=B", headers=headers)

    assert reply.status == 422
    assert reply.errors == NOT_AN_OBJECT
    assert list_slugs(api, author=refused.username) == []


@pytest.mark.parametrize("path", ["/users", "/users/login"])
def test_user_endpoints_refuse_a_json_array(api, path):
    reply = api.post(path, data=b'[{"user": {}}]')

    assert reply.status == 422
    assert reply.errors == NOT_AN_OBJECT


def test_update_user_refuses_malformed_json(api, refused):
    reply = refused.api.put("/user", data=b'{"user": {"bio": "x"')

    assert reply.status == 422
    assert reply.errors == NOT_AN_OBJECT
    assert refused.api.get("/user").body["user"]["bio"] is None


@pytest.mark.parametrize(
    "wrapper", [None, "a string", [], 7], ids=["missing", "string", "list", "number"]
)
def test_a_missing_or_wrong_article_wrapper_is_422(api, refused, wrapper):
    payload = article_fields() if wrapper is None else {"article": wrapper}

    reply = refused.api.post("/articles", json=payload)

    assert reply.status == 422
    assert reply.errors == {"article": ["can't be blank"]}
    assert list_slugs(api, author=refused.username) == []


def test_a_missing_user_wrapper_is_422(api):
    username = unique()
    fields = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}

    reply = api.post("/users", json=fields)

    assert reply.status == 422
    assert reply.errors == {"user": ["can't be blank"]}
    assert api.get(f"/profiles/{username}").status == 404


def test_a_login_without_its_wrapper_is_422(api, refused):
    reply = api.post("/users/login", json={"email": refused.email, "password": PASSWORD})

    assert reply.status == 422
    assert reply.errors == {"user": ["can't be blank"]}


@pytest.mark.parametrize("field", ["title", "description", "body"])
@pytest.mark.parametrize("value", [5, True, ["x"], {"x": 1}], ids=["int", "bool", "list", "object"])
def test_a_field_of_the_wrong_type_is_422(api, refused, field, value):
    reply = refused.api.post("/articles", json={"article": article_fields(**{field: value})})

    assert reply.status == 422
    assert reply.errors == {field: ["must be a string"]}
    assert list_slugs(api, author=refused.username) == []


@pytest.mark.parametrize("field", ["username", "email", "password"])
def test_a_user_field_of_the_wrong_type_is_422(api, field):
    username = unique()
    fields = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}

    reply = api.post("/users", json={"user": {**fields, field: 12345678}})

    assert reply.status == 422
    assert reply.errors == {field: ["must be a string"]}
    assert api.get(f"/profiles/{username}").status == 404


def test_every_wrong_article_field_is_listed(api, refused):
    article = {"title": 5, "description": "", "body": "b" * 20001, "tagList": "news"}

    reply = refused.api.post("/articles", json={"article": article})

    assert reply.status == 422
    assert reply.errors == {
        "title": ["must be a string"],
        "description": ["can't be blank"],
        "body": ["is too long (maximum is 20000 characters)"],
        "tagList": ["must be a list of strings"],
    }


@pytest.mark.parametrize("field", ["title", "description", "body"])
@pytest.mark.parametrize(
    "bad", ["\x00", chr(0xD800), chr(0xDFFF)], ids=["nul", "high-surrogate", "low-surrogate"]
)
def test_text_the_database_cannot_store_is_422(api, refused, field, bad):
    reply = refused.api.post("/articles", json={"article": article_fields(**{field: f"a{bad}b"})})

    assert reply.status == 422
    assert reply.errors == {field: ["is invalid"]}
    assert list_slugs(api, author=refused.username) == []


@pytest.mark.parametrize("bad", ["\x00", "\ud800"], ids=["nul", "surrogate"])
def test_a_tag_the_database_cannot_store_is_422(api, refused, bad):
    reply = refused.api.post("/articles", json={"article": article_fields(tagList=[f"t{bad}"])})

    assert reply.status == 422
    assert set(reply.errors) == {"tagList"}
    assert list_slugs(api, author=refused.username) == []


@pytest.mark.parametrize("bad", ["\x00", "\ud800"], ids=["nul", "surrogate"])
def test_a_comment_the_database_cannot_store_is_422(api, user, bad):
    slug = create_article(user)["slug"]

    reply = user.api.post(f"/articles/{slug}/comments", json={"comment": {"body": f"a{bad}"}})

    assert reply.status == 422
    assert reply.errors == {"body": ["is invalid"]}
    assert api.get(f"/articles/{slug}/comments").body == {"comments": []}


@pytest.mark.parametrize("field", ["username", "email", "password"])
def test_a_registration_with_a_nul_byte_is_422(api, field):
    username = unique()
    fields = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
    fields[field] += "\x00"

    reply = api.post("/users", json={"user": fields})

    assert reply.status == 422
    assert reply.errors == {field: ["is invalid"]}
    assert api.get(f"/profiles/{username}").status == 404


@pytest.mark.parametrize("field", ["email", "password"])
def test_a_login_with_an_unpaired_surrogate_is_422(api, refused, field):
    credentials = {"email": refused.email, "password": PASSWORD}
    credentials[field] += "\ud800"

    reply = api.post("/users/login", json={"user": credentials})

    assert reply.status == 422
    assert reply.errors == {field: ["is invalid"]}


@pytest.mark.parametrize(
    ("field", "value"),
    [("bio", "Hi\x00"), ("image", "https://example.com/\x00.png"), ("username", "u\x00")],
)
def test_an_update_with_a_nul_byte_is_422(refused, field, value):
    reply = refused.api.put("/user", json={"user": {field: value}})

    assert reply.status == 422
    assert reply.errors == {field: ["is invalid"]}
    after = refused.api.get("/user").body["user"]
    assert (after["username"], after["bio"], after["image"]) == (refused.username, None, None)


def test_a_body_over_1_mb_is_413(api, refused):
    reply = refused.api.post("/articles", data=padded_article(LIMIT + 1))

    assert reply.status == 413
    assert reply.errors == {"request": ["is too large"]}
    assert list_slugs(api, author=refused.username) == []


def test_a_body_of_exactly_1_mb_is_read(user):
    reply = user.api.post("/articles", data=padded_article(LIMIT))

    assert reply.status == 201


def test_a_registration_over_1_mb_is_413(api):
    username = unique()
    fields = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}

    reply = api.post("/users", json={"user": {**fields, "bio": "b" * LIMIT}})

    assert reply.status == 413
    assert reply.errors == {"request": ["is too large"]}
    assert api.get(f"/profiles/{username}").status == 404


def test_unknown_article_fields_are_ignored(user):
    fields = article_fields(slug="chosen-by-client", favoritesCount=99, author={"username": "x"})

    reply = user.api.post("/articles", json={"article": fields, "extra": [1, 2]})

    assert reply.status == 201
    article = reply.body["article"]
    assert article["slug"] != "chosen-by-client"
    assert (article["favoritesCount"], article["author"]["username"]) == (0, user.username)


FILTERS = ("tag", "author", "favorited")


def test_a_nul_byte_in_a_list_filter_is_422(api):
    reply = api.get("/articles?" + "&".join(f"{name}=a%00b" for name in FILTERS))

    assert reply.status == 422
    assert reply.errors == {name: ["is invalid"] for name in FILTERS}


@pytest.mark.parametrize("value", ["%ED%A0%80", "%FF", "x" * 1000], ids=["surrogate", "ff", "long"])
@pytest.mark.parametrize("name", FILTERS)
def test_a_filter_that_names_nothing_is_an_empty_list(api, user, name, value):
    create_article(user, tagList=["news"])
    favorite(user, list_slugs(api, author=user.username)[0])

    reply = api.get(f"/articles?{name}={value}")

    assert reply.status == 200
    assert reply.body == {"articles": [], "articlesCount": 0}


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/profiles/a%00b", "profile"),
        ("/articles/a%00b", "article"),
        ("/articles/%ED%A0%80", "article"),
        ("/articles/a%00b/comments", "article"),
    ],
)
def test_odd_path_parameters_are_404(api, path, key):
    reply = api.get(path)

    assert reply.status == 404
    assert reply.errors == {key: ["not found"]}
