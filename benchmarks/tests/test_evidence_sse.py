"""Tests of the sse experiment: the client's reading of a stream, its arithmetic and its figures."""

import asyncio
import http.server
import threading
import time

import pytest

from benchmarks.evidence.experiments import sse
from benchmarks.evidence.probes.sse import client, readings

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
OPENING = b"retry: 3000\nevent: ready\ndata: {}\n\n"


def step(target: int, held: int, rss_kib: int = 0, p95: float | None = 1.0):
    return readings.StepReading(target, held, 0.1, rss_kib, held + 2, 50, 0, p95, p95)


@pytest.mark.parametrize(
    ("received", "ready"),
    [
        (HEAD + OPENING, True),
        (HEAD + b"retry: 3000\n", False),
        (HEAD[:-2], False),
        (b"HTTP/1.1 400 Bad Request\r\n\r\nevent: ready", False),
        (b"HTTP/1.1 200 OK\r\nX-Note: event: ready\r\n\r\n", False),
    ],
)
def test_a_stream_is_ready_on_a_200_whose_body_holds_the_ready_event(received, ready):
    assert client.is_ready(received) is ready


def test_the_stream_request_asks_the_server_to_close_at_the_end():
    request = client.stream_request("127.0.0.1", 8000, "/events/articles?seconds=5")

    assert request.startswith(b"GET /events/articles?seconds=5 HTTP/1.1\r\n")
    assert b"\r\nConnection: close\r\n" in request
    assert request.endswith(b"\r\n\r\n")


async def held_by(server_reply: bytes, count: int) -> client.Held:
    """hold_streams against a local server that sends server_reply and closes after 0.2 s."""

    async def answer(reader, writer):
        await reader.readuntil(b"\r\n\r\n")
        writer.write(server_reply)
        await asyncio.sleep(0.2)
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        return await client.hold_streams(
            "127.0.0.1", port, "/events/articles", count, (0.5, 2), lambda: "read"
        )


def test_streams_that_send_the_ready_event_are_held():
    held = asyncio.run(held_by(HEAD + OPENING, 3))

    assert (held.held, held.meanwhile) == (3, "read")


def test_streams_that_never_send_the_ready_event_are_not_held():
    held = asyncio.run(held_by(HEAD + b": keep-alive\n\n", 2))

    assert held.held == 0


class Tags(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/api/tags" else 404)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def tags_port():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tags)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_timed_requests_count_the_200s_and_the_rest_as_failed(tags_port):
    later = time.monotonic() + 30

    latencies, failed = client.timed_gets("127.0.0.1", tags_port, "/api/tags", 3, later, 5)
    _, missing = client.timed_gets("127.0.0.1", tags_port, "/missing", 2, later, 5)

    assert (len(latencies), failed, missing) == (3, 0, 2)
    assert all(latency > 0 for latency in latencies)


def test_requests_not_started_by_the_deadline_count_as_failed(tags_port):
    earlier = time.monotonic() - 1

    latencies, failed = client.timed_gets("127.0.0.1", tags_port, "/api/tags", 4, earlier, 5)

    assert (latencies, failed) == ([], 4)


def test_percentiles_interpolate_between_ranks():
    values = [float(n) for n in range(1, 21)]

    assert readings.percentile(values, 50) == pytest.approx(10.5)
    assert readings.percentile(values, 95) == pytest.approx(19.05)
    assert readings.percentile([7.0], 95) == 7.0
    assert readings.percentile([], 95) is None


def test_rss_slope_is_least_squares_over_streams_held():
    steps = [step(50, 50, 1000 + 500), step(100, 100, 1000 + 1000), step(200, 150, 1000 + 1500)]

    assert readings.rss_slope_kib(steps) == pytest.approx(10.0)
    assert readings.rss_slope_kib([step(50, 50, 10), step(100, 50, 20)]) is None


def test_largest_fully_held_step_ignores_partly_held_ones():
    steps = [step(50, 50), step(100, 100), step(200, 199)]

    assert readings.largest_fully_held(steps).target == 100
    assert readings.largest_fully_held([step(50, 49)]) is None


def test_twin_figures_are_declared_and_leave_out_what_no_step_held():
    figures, notes = sse.twin_figures("flask", step(0, 0, 900), [step(50, 10, 1000)], "gunicorn")

    assert set(figures) <= set(sse.FIGURES)
    assert figures["flask_streams_held_max"] == 0
    assert "flask_tags_p95_ms_at_max" not in figures
    assert "flask_rss_per_stream_kib" not in figures
    assert len(notes) == 2


def test_twin_figures_read_the_largest_fully_held_step():
    steps = [step(50, 50, 1500, 2.0), step(100, 100, 2000, 3.0), step(200, 120, 2200, 9.0)]

    figures, notes = sse.twin_figures("django", step(0, 0, 1000), steps, "uvicorn")

    assert figures["django_streams_held_max"] == 100
    assert figures["django_tags_p95_ms_at_max"] == 3.0
    assert figures["django_threads_at_max"] == 102
    assert figures["django_rss_per_stream_kib"] > 0
    assert notes == []
