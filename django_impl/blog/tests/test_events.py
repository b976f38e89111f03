"""The article stream as Django's ASGI handler iterates it (tests/test_events.py covers both twins
over HTTP, where the suite serves them by WSGI)."""

from asgiref.sync import sync_to_async
from django.test import TestCase

from blog.events import OPENING
from blog.models import Article
from blog.tests.factories import make_user


class ArticleEventsUnderAsgiTests(TestCase):
    async def test_stream_is_asynchronous_and_opens_with_the_ready_event(self):
        response = await self.async_client.get("/events/articles", {"seconds": "1"})

        chunks = [chunk async for chunk in response.streaming_content]

        self.assertTrue(response.is_async)
        self.assertEqual(chunks, [OPENING.encode()])

    async def test_article_created_while_the_stream_is_open_is_sent(self):
        author = await sync_to_async(make_user)("author")
        response = await self.async_client.get("/events/articles", {"seconds": "2"})
        stream = aiter(response.streaming_content)
        self.assertEqual(await anext(stream), OPENING.encode())

        await Article.objects.acreate(
            author=author, slug="live", title="Live", description="d", body="b"
        )

        sent = b"".join([chunk async for chunk in stream])
        self.assertEqual(
            sent, b'event: article\ndata: {"slug": "live", "title": "Live", "author": "author"}\n\n'
        )
