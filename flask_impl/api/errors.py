"""The API's error bodies, `{"errors": {key: [message]}}`, for its own refusals and for HTTP
errors (unknown path, wrong method, body too large) on /api paths.

Twin: django_impl/api/errors.py.
"""

from flask import Response, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from flask_impl.api import bp

# The keys and messages of shared_spec/api.md for the errors Werkzeug raises.
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


def refusal(status: int, key: str, message: str) -> ApiError:
    return ApiError(status, {key: [message]})


def not_found(what: str) -> ApiError:
    return refusal(404, what, "not found")


def forbidden(what: str) -> ApiError:
    return refusal(403, what, "forbidden")


def is_api_path(path: str) -> bool:
    return path == bp.url_prefix or path.startswith(f"{bp.url_prefix}/")


@bp.errorhandler(ApiError)
def answer_api_error(error: ApiError) -> tuple[Response, int]:
    return jsonify(errors=error.errors), error.status


def answer_http_error(error: HTTPException) -> Response:
    """Werkzeug's HTTP errors as JSON; the app's handler calls this for paths under /api.

    A CORS preflight is answered even where the API has no such path (flask-cors adds its
    headers), so that the browser sends the request and its client can read the JSON 404.
    """
    if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
        return Response(status=200)
    key, message = HTTP_ERRORS.get(error.code, ("request", error.name.lower()))
    response = jsonify(errors={key: [message]})
    response.status_code = error.code
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response
