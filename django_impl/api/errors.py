"""The API's error bodies, `{"errors": {key: [message]}}`, for its own refusals and for the HTTP
errors Django answers on /api paths (unknown path, wrong method, server error).

Twin: flask_impl/api/errors.py.
"""

from http import HTTPStatus

from django.http import JsonResponse

PREFIX = "/api"
# The keys and messages of shared_spec/api.md for the errors Django itself answers.
HTTP_ERRORS = {
    404: ("resource", "not found"),
    405: ("method", "not allowed"),
    413: ("request", "is too large"),
}


class ApiError(Exception):
    """A refusal answered with `status` and `{"errors": errors}`."""

    def __init__(self, status: int, errors: dict[str, list[str]]) -> None:
        super().__init__(status, errors)
        self.status = status
        self.errors = errors

    def response(self) -> JsonResponse:
        return JsonResponse({"errors": self.errors}, status=self.status)


def refusal(status: int, key: str, message: str) -> ApiError:
    return ApiError(status, {key: [message]})


def not_found(what: str) -> ApiError:
    return refusal(404, what, "not found")


def forbidden(what: str) -> ApiError:
    return refusal(403, what, "forbidden")


def is_api_path(path: str) -> bool:
    return path == PREFIX or path.startswith(f"{PREFIX}/")


def http_error(status: int) -> JsonResponse:
    """An HTTP error as the API's JSON body (the project's handler404 etc. use it under /api)."""
    key, message = HTTP_ERRORS.get(status, ("request", HTTPStatus(status).phrase.lower()))
    return refusal(status, key, message).response()
