"""The server-sent events of /events/articles. Twin: flask_impl/blog/events.py."""

import asyncio
import json
import time

from django.db.models import Max

from blog.models import Article

POLL_SECONDS = 1
KEEP_ALIVE_SECONDS = 15
OPENING = "retry: 3000\nevent: ready\ndata: {}\n\n"
KEEP_ALIVE = ": keep-alive\n\n"
NEWEST_ID = Max("pk", default=0)


def article_event(slug, title, author):
    data = json.dumps({"slug": slug, "title": title, "author": author})
    return f"event: article\ndata: {data}\n\n"


class ArticleEvents:
    """Articles created after the stream opened, polled once a second, until `seconds` are up.

    A poll asks for the articles whose id is above the last one sent. `stream()` iterates under
    WSGI and `astream()` under ASGI: StreamingHttpResponse needs the server's kind of iterator,
    or it reads the whole stream before sending any of it ("StreamingHttpResponse objects" in
    the request and response reference).
    """

    def __init__(self, seconds):
        self.ends_at = time.monotonic() + seconds
        self.kept_alive_at = time.monotonic()
        self.last_id = 0

    def opening(self, newest):
        self.last_id = newest["newest"]
        return OPENING

    def new_articles(self):
        return (
            Article.objects.filter(pk__gt=self.last_id)
            .order_by("pk")
            .values_list("pk", "slug", "title", "author__username")
        )

    def frames(self, rows):
        """The events for the rows a poll found, and a keep-alive when one is due."""
        frames = [article_event(slug, title, author) for _, slug, title, author in rows]
        if rows:
            self.last_id = rows[-1][0]
        now = time.monotonic()
        if now - self.kept_alive_at >= KEEP_ALIVE_SECONDS:
            frames.append(KEEP_ALIVE)
            self.kept_alive_at = now
        return "".join(frames)

    def pause(self):
        """Seconds until the next poll; zero or less once the stream is over."""
        return min(POLL_SECONDS, self.ends_at - time.monotonic())

    def stream(self):
        yield self.opening(Article.objects.aggregate(newest=NEWEST_ID))
        while (pause := self.pause()) > 0:
            time.sleep(pause)
            if frames := self.frames(list(self.new_articles())):
                yield frames

    async def astream(self):
        yield self.opening(await Article.objects.aaggregate(newest=NEWEST_ID))
        while (pause := self.pause()) > 0:
            await asyncio.sleep(pause)
            if frames := self.frames([row async for row in self.new_articles()]):
                yield frames
