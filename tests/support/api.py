"""A JSON client for the twins' `/api` that checks every response against shared_spec/openapi.yaml.

Each response is matched to its operation (method and path template, literal paths first) and
must carry a status the operation documents, the documented content type and a body that the
response schema accepts, every `$ref` resolved. A request the document does not describe (an
unknown path, a wrong method) must still be refused with a RealWorld error body.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import requests
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from tests.support.factories import PASSWORD, unique

SPEC_PATH = Path(__file__).resolve().parents[2] / "shared_spec" / "openapi.yaml"
SPEC_URI = "urn:twins:openapi"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
NO_BODY = object()


def escape(token: str) -> str:
    """A JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    responses: dict[str, str]  # status -> JSON pointer of the (resolved) response object


class Contract:
    """The project's OpenAPI document, ready to check responses."""

    def __init__(self, path: Path = SPEC_PATH) -> None:
        self.document = yaml.safe_load(path.read_text(encoding="utf-8"))
        resource = DRAFT202012.create_resource(self.document)
        self.registry = Registry().with_resource(SPEC_URI, resource)
        self.resolver = self.registry.resolver()
        self.validators: dict[str, Draft202012Validator] = {}
        self.paths = sorted(self.document["paths"], key=lambda template: template.count("{"))
        self.patterns = {template: self.compile(template) for template in self.paths}

    @staticmethod
    def compile(template: str) -> re.Pattern[str]:
        parts = re.split(r"(\{[^}]+\})", template)
        regex = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
        return re.compile(f"^{regex}$")

    def lookup(self, pointer: str) -> Any:
        return self.resolver.lookup(f"{SPEC_URI}#{pointer}").contents

    def operation(self, method: str, path: str) -> Operation | None:
        """The documented operation a request reaches, or None when the document has none."""
        template = next((t for t in self.paths if self.patterns[t].match(path)), None)
        item = self.document["paths"].get(template, {})
        if method.lower() not in item:
            return None
        base = f"/paths/{escape(template)}/{method.lower()}/responses"
        responses = {
            status: response["$ref"].removeprefix("#") if "$ref" in response else f"{base}/{status}"
            for status, response in item[method.lower()]["responses"].items()
        }
        return Operation(method.upper(), template, responses)

    def validator(self, pointer: str) -> Draft202012Validator:
        if pointer not in self.validators:
            self.validators[pointer] = Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{pointer}"},
                registry=self.registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
        return self.validators[pointer]

    def check(self, method: str, path: str, response: requests.Response) -> None:
        """Fail (AssertionError) unless the response is what the document allows."""
        path = path.split("?", 1)[0]
        operation = self.operation(method, path)
        status = str(response.status_code)
        where = f"{method.upper()} /api{path} answered {status}"
        if operation is None:
            if method.upper() == "OPTIONS":
                return  # a CORS preflight: answered by the CORS layer, not an API operation
            assert response.status_code >= 400, f"{where}, but the API has no such operation"
            self.check_json(where, response, "/components/schemas/Errors")
            return
        assert status in operation.responses, (
            f"{where}, not one of {sorted(operation.responses)} ({operation.template}): "
            f"{response.text[:300]}"
        )
        pointer = operation.responses[status]
        content = self.lookup(pointer).get("content")
        if content is None:
            assert response.content == b"", f"{where} with a body: {response.text[:300]}"
            return
        assert list(content) == ["application/json"], f"unexpected media types at {pointer}"
        self.check_json(where, response, f"{pointer}/content/application~1json/schema")

    def check_json(self, where: str, response: requests.Response, schema_pointer: str) -> None:
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        assert media_type == "application/json", f"{where} as {media_type!r}, not JSON"
        try:
            body = response.json()
        except ValueError as error:
            raise AssertionError(f"{where} with a body that is not JSON: {error}") from None
        errors = sorted(self.validator(schema_pointer).iter_errors(body), key=str)
        details = "\n".join(f"- at {list(e.absolute_path)}: {e.message}" for e in errors)
        assert not errors, f"{where}; the body does not match {schema_pointer}:\n{details}"


CONTRACT = Contract()


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
