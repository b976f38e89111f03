"""Two clients that send half a request body and stall freeze gunicorn's two sync workers; behind
the nginx of deploy/ the site keeps serving, and nginx drops the stalled clients in bounded time.
"""

import os
import socket
import ssl
import time
from contextlib import ExitStack, contextmanager

import pytest
import requests

from launcher import drop_postgres_database, fresh_database, running_twin
from tests.security.proxy import running_nginx

STALLED = 2  # as many as the twin has workers (the launcher's default)
BODY_TIMEOUT = 10  # client_body_timeout in deploy/nginx-twins.conf


@pytest.fixture(scope="module", params=["django", "flask"])
def served(request, tmp_path_factory):
    """(the twin's gunicorn URL, nginx in front of it)."""
    directory = tmp_path_factory.mktemp(f"slow-{request.param}")
    server = os.environ.get("TEST_DATABASE_URL") or None
    database_url = fresh_database(server, directory, f"twins_slow_{request.param}")
    try:
        with ExitStack() as stack:
            twin = stack.enter_context(
                running_twin(request.param, database_url=database_url, workers=STALLED)
            )
            proxy = stack.enter_context(running_nginx(twin.base_url, directory / "nginx"))
            yield twin.base_url, proxy
    finally:
        if server:
            drop_postgres_database(database_url)


@contextmanager
def half_sent_bodies(host: str, port: int, wrap=None):
    """STALLED connections, each with a sign-in POST's headers and half its body, left open."""
    body = b"email=a%40example.com&password=" + b"x" * 200
    head = (
        f"POST /login/ HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Cookie: csrftoken={'a' * 32}\r\n"  # so that Django's CSRF check reads the body
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with ExitStack() as stack:
        connections = []
        for _ in range(STALLED):
            raw = socket.create_connection((host, port), timeout=BODY_TIMEOUT + 10)
            connection = stack.enter_context(wrap(raw) if wrap else raw)
            connection.sendall(head + body[: len(body) // 2])
            connections.append(connection)
        time.sleep(0.5)  # the twin (or nginx) has taken them in
        yield connections


def test_gunicorn_alone_is_frozen_by_half_sent_bodies(served):
    """Why deploy/ exists: the twin served by gunicorn alone answers nobody else meanwhile."""
    twin_url, _ = served
    host, port = twin_url.removeprefix("http://").split(":")
    with half_sent_bodies(host, int(port)), pytest.raises(requests.Timeout):
        requests.get(twin_url + "/", timeout=3)
    requests.get(twin_url + "/", timeout=30)  # served again once they are gone


def test_nginx_keeps_serving_while_bodies_stall(served):
    _, proxy = served
    context = ssl.create_default_context(cafile=str(proxy.certificate))

    def wrap(raw):
        return context.wrap_socket(raw, server_hostname="127.0.0.1")

    with half_sent_bodies("127.0.0.1", proxy.port, wrap) as connections:
        for _ in range(5):  # each within the timeout, while gunicorn alone answers none
            page = requests.get(proxy.https_url + "/", verify=proxy.certificate, timeout=5)
            assert page.status_code == 200
        login = requests.get(proxy.https_url + "/login/", verify=proxy.certificate, timeout=5)
        assert login.status_code == 200
        started = time.monotonic()
        for connection in connections:  # nginx ends each stalled request, not the twin
            answer = connection.recv(4096)
            assert answer in (b"",) or answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert time.monotonic() - started < BODY_TIMEOUT + 5
