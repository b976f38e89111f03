"""A JSON client for the twins' `/api`; every response it receives is checked against the
project's OpenAPI document (tests/support/openapi_contract.py) before a test sees it."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

import requests

from tests.support.factories import PASSWORD, unique
from tests.support.openapi_contract import CONTRACT, NO_BODY

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


@dataclass
class Reply:
    """An API response that has already passed the contract check."""

    response: requests.Response

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def headers(self) -> requests.structures.CaseInsensitiveDict:
        return self.response.headers

    @cached_property
    def body(self) -> Any:
        return self.response.json() if self.response.content else None

    @property
    def errors(self) -> dict[str, list[str]]:
        assert isinstance(self.body, dict), f"not an error body: {self.body}"
        assert "errors" in self.body, f"not an error body: {self.body}"
        return self.body["errors"]

    def __repr__(self) -> str:
        return f"<Reply {self.status} {self.response.text[:200]}>"


class Api:
    """Calls `<base_url>/api…` with an optional token; every response is checked by CONTRACT.

    It keeps no cookies, so nothing but the `Authorization` header can say who is calling.
    """

    def __init__(self, base_url: str, token: str | None = None, scheme: str = "Token") -> None:
        self.root = base_url.rstrip("/")
        self.token = token
        self.scheme = scheme

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = NO_BODY,
        data: bytes | str | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        cookies: dict[str, str] | None = None,
    ) -> Reply:
        sent = {"Accept": "application/json"}
        if self.token is not None:
            sent["Authorization"] = f"{self.scheme} {self.token}"
        if data is not None:
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        response = requests.request(
            method,
            f"{self.root}/api{path}",
            params=params,
            headers=sent,
            cookies=cookies,
            data=data,
            allow_redirects=False,
            timeout=30,
            **({} if json is NO_BODY else {"json": json}),
        )
        CONTRACT.check(method, path, response)
        return Reply(response)

    def get(self, path: str, **options: Any) -> Reply:
        return self.request("GET", path, **options)

    def post(self, path: str, **options: Any) -> Reply:
        return self.request("POST", path, **options)

    def put(self, path: str, **options: Any) -> Reply:
        return self.request("PUT", path, **options)

    def delete(self, path: str, **options: Any) -> Reply:
        return self.request("DELETE", path, **options)

    def as_user(self, token: str | None, scheme: str = "Token") -> "Api":
        return Api(self.root, token, scheme)


@dataclass
class ApiUser:
    """A user registered through the API, with a client that sends their token."""

    username: str
    email: str
    password: str
    token: str
    api: Api


def register_user(base_url: str, username: str | None = None, **fields: Any) -> ApiUser:
    """Register through `POST /api/users`; fails the test unless it answers 201."""
    username = username or unique()
    password = fields.pop("password", PASSWORD)
    payload = {"username": username, "email": f"{username}@example.com", "password": password}
    reply = Api(base_url).post("/users", json={"user": {**payload, **fields}})
    assert reply.status == 201, f"registration failed: {reply}"
    user = reply.body["user"]
    api = Api(base_url, user["token"])
    return ApiUser(user["username"], user["email"], password, user["token"], api)


def article_fields(**fields: Any) -> dict[str, Any]:
    """A valid new article, with a unique title, overridden by `fields`."""
    return {
        "title": f"Title {unique()}",
        "description": "A short description.",
        "body": "Some *Markdown* body.",
        "tagList": [],
        **fields,
    }


def create_article(user: ApiUser, **fields: Any) -> dict[str, Any]:
    """Publish an article as `user` and return it as the API shows it."""
    reply = user.api.post("/articles", json={"article": article_fields(**fields)})
    assert reply.status == 201, f"publishing failed: {reply}"
    return reply.body["article"]


def add_comment(user: ApiUser, slug: str, body: str = "A comment.") -> dict[str, Any]:
    reply = user.api.post(f"/articles/{slug}/comments", json={"comment": {"body": body}})
    assert reply.status == 201, f"commenting failed: {reply}"
    return reply.body["comment"]


def follow(user: ApiUser, username: str) -> dict[str, Any]:
    reply = user.api.post(f"/profiles/{username}/follow")
    assert reply.status == 200, f"following failed: {reply}"
    return reply.body["profile"]


def favorite(user: ApiUser, slug: str) -> dict[str, Any]:
    reply = user.api.post(f"/articles/{slug}/favorite")
    assert reply.status == 200, f"favoriting failed: {reply}"
    return reply.body["article"]


def list_slugs(api: Api, path: str = "/articles", **params: Any) -> list[str]:
    reply = api.get(path, params=params)
    assert reply.status == 200, reply
    return [article["slug"] for article in reply.body["articles"]]


def timestamp(value: str) -> datetime:
    """The instant of an API timestamp, which must be ISO 8601 UTC with milliseconds and `Z`."""
    assert TIMESTAMP.match(value), f"not a timestamp with milliseconds and Z: {value!r}"
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
