"""The hello-worlds' floor: plain WSGI answering one request, no framework."""

BODY = b"Hello, World!"


def application(environ, start_response):
    start_response(
        "200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", "13")]
    )
    return [BODY]
