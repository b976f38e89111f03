"""Server-sent events of new articles at /events/articles: headers, events, end, bad input."""

import json
import time

import pytest
import requests

from tests.support.factories import unique, write_article

OPENING = b"retry: 3000\nevent: ready\ndata: {}\n\n"


class EventStream:
    """One open stream, read chunk by chunk as the server sends them."""

    def __init__(self, base_url: str, seconds: int) -> None:
        self.opened_at = time.monotonic()
        self.response = requests.get(
            f"{base_url}/events/articles", params={"seconds": seconds}, stream=True, timeout=10
        )
        self.chunks = self.response.iter_content(chunk_size=None)
        self.received = b""

    def read_until(self, marker: bytes) -> None:
        while marker not in self.received:
            self.received += next(self.chunks)

    def read_to_end(self) -> None:
        for chunk in self.chunks:
            self.received += chunk

    def articles(self) -> list[dict[str, str]]:
        """The data of every `article` event, decoded."""
        return [json.loads(event["data"]) for event in self.events() if event["event"] == "article"]

    def events(self) -> list[dict[str, str]]:
        """Each event's fields; comments (lines starting with `:`) are left out."""
        found = []
        for block in self.received.decode().split("\n\n"):
            fields = dict(
                line.split(": ", 1) for line in block.splitlines() if not line.startswith(":")
            )
            if fields:
                found.append(fields)
        return found


def test_stream_opens_with_its_headers_and_the_ready_event(twin):
    stream = EventStream(twin.base_url, seconds=3)

    stream.read_until(b"\n\n")

    assert stream.response.status_code == 200
    assert stream.response.headers["Content-Type"] == "text/event-stream"
    assert stream.response.headers["Cache-Control"] == "no-cache"
    assert stream.received.startswith(OPENING)
    assert time.monotonic() - stream.opened_at < 2, "the first event waited for the stream's end"
    stream.response.close()


def test_article_published_while_the_stream_is_open_arrives_as_an_event(twin, account):
    title = f"Live {unique()} ünïcode"
    stream = EventStream(twin.base_url, seconds=3)
    stream.read_until(OPENING)

    slug = write_article(account.browser, title=title)
    stream.read_to_end()

    assert {"slug": slug, "title": title, "author": account.username} in stream.articles()


def test_articles_published_before_the_stream_opened_are_not_sent(twin, writer):
    slug = write_article(writer.browser)
    stream = EventStream(twin.base_url, seconds=1)

    stream.read_to_end()

    assert stream.events()[0]["event"] == "ready"
    assert slug not in [article["slug"] for article in stream.articles()]


def test_stream_ends_by_itself_after_its_seconds(twin):
    stream = EventStream(twin.base_url, seconds=1)

    stream.read_to_end()

    assert 1 <= time.monotonic() - stream.opened_at < 2.5
    assert stream.received.startswith(OPENING)


@pytest.mark.parametrize(
    "seconds", ["0", "61", "abc", "1.5", "", "-1", "²", "99999999999999999999999"]
)
def test_bad_seconds_is_400_with_a_plain_message(twin, seconds):
    response = requests.get(
        f"{twin.base_url}/events/articles", params={"seconds": seconds}, timeout=10
    )

    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert "seconds" in response.text
    assert len(response.text) < 200
