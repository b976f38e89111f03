"""The project's OpenAPI document (shared_spec/openapi.yaml), ready to check API responses.

Each response is matched to its operation (method and path template, literal paths first) and
must carry a status the operation documents, the documented content type and a body that the
response schema accepts, every `$ref` resolved. A request the document does not describe (an
unknown path, a wrong method) must still be refused with a RealWorld error body.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[2] / "shared_spec" / "openapi.yaml"
SPEC_URI = "urn:twins:openapi"
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
        return re.compile(f"^{regex}/?$")  # api.md: every path is served with a trailing slash too

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
