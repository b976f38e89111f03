"""Hold many server-sent event streams at once on asyncio sockets; time other requests meanwhile."""

import asyncio
import http.client
import os
import resource
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

READY = b"event: ready"
CHUNK = 65536


def stream_request(host: str, port: int, path: str) -> bytes:
    """The request that opens one stream; the server closes the connection when it ends."""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
        "Connection: close\r\n\r\n"
    ).encode()


def is_ready(received: bytes) -> bool:
    """A 200 whose body so far holds the `ready` event."""
    head, separator, body = received.partition(b"\r\n\r\n")
    return bool(separator) and head.split(b" ", 2)[1:2] == [b"200"] and READY in body


async def hold_stream(host: str, port: int, path: str, ready: asyncio.Future, timeouts) -> None:
    """Open one stream, set `ready` to whether its ready event came within timeouts[0] seconds
    of the start, then read it to its end (at most timeouts[1] more seconds)."""
    ready_timeout, end_timeout = timeouts
    writer = None
    try:
        async with asyncio.timeout(ready_timeout):
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(stream_request(host, port, path))
            received = b""
            while not is_ready(received):
                chunk = await reader.read(CHUNK)
                if not chunk:
                    raise ConnectionError("closed before the ready event")
                received += chunk
        ready.set_result(True)
        async with asyncio.timeout(end_timeout):
            while await reader.read(CHUNK):
                pass
    except (OSError, TimeoutError):
        pass
    finally:
        if not ready.done():
            ready.set_result(False)
        if writer is not None:
            writer.close()


@dataclass(frozen=True)
class Held:
    """One batch of streams: how many were held, how long opening them took, and what the
    `meanwhile` call returned while they were open."""

    held: int
    open_s: float
    meanwhile: object


async def hold_streams(
    host: str,
    port: int,
    path: str,
    count: int,
    timeouts: tuple[float, float],
    meanwhile: Callable[[], object],
) -> Held:
    """Open `count` streams at once, run `meanwhile` in a thread once each is ready or failed,
    then wait (bounded by the timeouts) for the streams to end."""
    loop = asyncio.get_running_loop()
    began = time.monotonic()
    readies = [loop.create_future() for _ in range(count)]
    tasks = [
        asyncio.create_task(hold_stream(host, port, path, ready, timeouts)) for ready in readies
    ]
    held = sum(await asyncio.gather(*readies))
    open_s = time.monotonic() - began
    during = await asyncio.to_thread(meanwhile)
    if tasks:
        _, late = await asyncio.wait(tasks, timeout=sum(timeouts) + 5)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
    return Held(held, open_s, during)


def timed_gets(host: str, port: int, path: str, count: int, deadline: float, timeout: float):
    """Milliseconds of each sequential GET that answered 200, and how many did not (those
    not started by the monotonic `deadline` included)."""
    latencies, failed = [], 0
    for _ in range(count):
        if time.monotonic() >= deadline:
            failed += 1
            continue
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        began = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            answered = response.status == 200
        except (OSError, http.client.HTTPException):
            answered = False
        finally:
            connection.close()
        if answered:
            latencies.append((time.perf_counter() - began) * 1000)
        else:
            failed += 1
    return latencies, failed


@contextmanager
def pinned(cpu: int):
    """This thread, and the threads it starts, on one CPU until the block ends."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {cpu})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def raise_open_files(needed: int) -> None:
    """Raise the soft limit on open files (inherited by the servers started after) if needed."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        ceiling = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))
