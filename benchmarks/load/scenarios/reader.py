"""Reader: home, tag pages, article pages and profiles; three signed out for one signed in."""

from locust import task

from benchmarks.load.scenarios.common import SignedInVisitor
from benchmarks.load.scenarios.lists import ListTasks


class ReaderTasks(ListTasks):
    abstract = True

    @task(5)
    def article(self) -> None:
        marker = 'data-testid="article-title"'
        self.page(f"/article/{self.pick('slugs')}/", "/article/[slug]/", marker)


class AnonymousReader(ReaderTasks):
    weight = 3


class SignedInReader(ReaderTasks, SignedInVisitor):
    weight = 1

    @task(2)
    def your_feed(self) -> None:
        self.page("/feed/", "/feed/", 'data-testid="feed-tabs"')
