"""The Redis database the security tests' twins count sign-ins in, emptied before each twin."""

import os
import socket
from urllib.parse import urlsplit

import pytest

# A database of its own (the tests empty it): TEST_REDIS_URL names another.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def empty_redis(url: str = REDIS_URL) -> str:
    """FLUSHDB on the URL's database (Redis's inline protocol: no client library needed)."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0)
    try:
        connection = socket.create_connection((parts.hostname, parts.port or 6379), timeout=5)
    except ConnectionRefusedError:  # a fresh machine has no Redis: the twins' default needs none
        pytest.skip(f"no Redis at {url} (start one, or name another with TEST_REDIS_URL)")
    with connection:
        connection.sendall(f"SELECT {database}\r\nFLUSHDB\r\n".encode())
        answer = b""
        while answer.count(b"\r\n") < 2:
            chunk = connection.recv(1024)
            assert chunk, f"Redis at {url} closed the connection: {answer!r}"
            answer += chunk
    assert answer == b"+OK\r\n+OK\r\n", answer
    return url
