"""The page routes of a twin (from its URL map or resolver) and a crawl of them over HTTP.

A candidate is a route outside /api/ and /static/ that takes GET. Each is fetched once, signed
out, its parameters filled from the demo data through the twin's JSON API. A candidate that
answers 2xx with another type than HTML (an event stream) is not a page; every other candidate is
an HTML route, and it answers ok when it answers 200 with HTML or redirects.
"""

import ast
import http.client
import json
import re
from collections import Counter
from urllib.parse import quote, urlsplit

LEFT_OUT_PREFIXES = ("/api/", "/static/")
GET_METHODS = {"GET", "*"}  # "*": a Django function view that takes every method
URL_FUNCTIONS = ("path", "re_path")
PLACEHOLDER = re.compile(r"<(?:[^<>:]+:)?([^<>:]+)>")  # <name> or <converter:name>, both twins


def url_function_calls(source: str) -> Counter:
    """Calls of path() and re_path() in a urls.py (`re_path(...)` or `urls.re_path(...)`)."""
    calls = Counter({name: 0 for name in URL_FUNCTIONS})
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func).rsplit(".", 1)[-1]
            if name in URL_FUNCTIONS:
                calls[name] += 1
    return calls


def candidates(routes: list[dict]) -> list[dict]:
    """Routes that take GET, outside the JSON API and the static files."""
    return [
        route
        for route in routes
        if GET_METHODS & set(route["methods"])
        and not (route["route"] + "/").startswith(LEFT_OUT_PREFIXES)
    ]


def fill(route: str, values: dict[str, str]) -> str | None:
    """The route with each parameter replaced by its demo value (None if one has none)."""
    names = PLACEHOLDER.findall(route)
    if any(name not in values for name in names):
        return None
    return PLACEHOLDER.sub(lambda match: quote(values[match.group(1)], safe=""), route)


def media_type(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def is_page(status: int, content_type: str) -> bool:
    """Not a page: a 2xx answer of another type than HTML."""
    return not (200 <= status < 300 and media_type(content_type) != "text/html")


def answer_is_ok(status: int, content_type: str) -> bool:
    """200 with an HTML body, or any redirect."""
    if 300 <= status < 400:
        return True
    return status == 200 and media_type(content_type) == "text/html"


def get(base_url: str, path: str, timeout: float = 30.0) -> tuple[int, str, bytes]:
    """Status, Content-Type and (for HTML or JSON only) body of one GET, redirects not followed.
    Any other body is left unread, so a stream that never ends does not hold the crawl."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        content_type = response.getheader("Content-Type", "")
        readable = media_type(content_type) in {"text/html", "application/json"}
        body = response.read() if readable else b""
        return response.status, content_type, body
    finally:
        connection.close()


def demo_values(base_url: str) -> dict[str, str]:
    """A slug, its author's username and a tag of a tagged article, from GET /api/articles."""
    status, _content_type, body = get(base_url, "/api/articles?limit=100")
    if status != 200:
        return {}
    for article in json.loads(body)["articles"]:
        if article.get("tagList"):
            return {"slug": article["slug"], "username": article["author"]["username"],
                    "tag": article["tagList"][0]}  # fmt: skip
    return {}


def crawl(base_url: str, routes: list[dict]) -> list[dict]:
    """One GET per candidate route, signed out: what it answered, whether it is a page and ok."""
    values = demo_values(base_url)
    answers = []
    for route in candidates(routes):
        fillable = PLACEHOLDER.search(route["route"]) or not route["arguments"]  # not re_path
        path = fill(route["route"], values) if fillable else None
        entry = {"route": route["route"], "path": path, "parameters": bool(route["arguments"])}
        if path is not None:
            status, content_type, _body = get(base_url, path)
            entry |= {"status": status, "content_type": content_type,
                      "page": is_page(status, content_type),
                      "ok": answer_is_ok(status, content_type)}  # fmt: skip
        answers.append(entry)
    return answers


def page_figures(twin: str, answers: list[dict], notes: list[str]) -> dict:
    """HTML routes among the crawled candidates, and how the parameter-free ones answered."""
    unfilled = [answer["route"] for answer in answers if answer["path"] is None]
    if unfilled:
        notes.append(f"{twin}: routes left out, no demo value for their parameters: {unfilled}")
    crawled = [answer for answer in answers if answer["path"] is not None]
    pages = [answer for answer in crawled if answer["page"]]
    free = [answer for answer in pages if not answer["parameters"]]
    return {
        f"{twin}_html_routes": len(pages),
        f"{twin}_html_route_list": [answer["route"] for answer in pages],
        f"{twin}_other_get_routes": [
            f"{answer['route']} ({answer['content_type']})"
            for answer in crawled
            if not answer["page"]
        ],
        f"{twin}_html_routes_ok": sum(answer["ok"] for answer in free),
        f"{twin}_html_routes_total": len(free),
        f"{twin}_html_routes_ok_all": sum(answer["ok"] for answer in pages),
    }
