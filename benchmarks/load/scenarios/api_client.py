"""API client: the RealWorld mix (list, feed, get, create, favorite, comment) with a JWT."""

from locust import task

from benchmarks.load.scenarios.common import ApiClient


class RealWorldClient(ApiClient):
    @task(4)
    def list_articles(self) -> None:
        offset = self.rng.randint(0, 4) * 10
        path = f"/api/articles?limit=10&offset={offset}"
        self.call("GET", path, "/api/articles", 200, '"articlesCount"')

    @task(2)
    def feed(self) -> None:
        self.call("GET", "/api/articles/feed?limit=10", "/api/articles/feed", 200, '"articles"')

    @task(4)
    def get_article(self) -> None:
        path = f"/api/articles/{self.pick('slugs')}"
        self.call("GET", path, "/api/articles/[slug]", 200, '"article"')

    @task(1)
    def create_article(self) -> None:
        article = {
            "title": f"Measured API article {self.number}-{self.rng.getrandbits(32):08x}",
            "description": "Written by the benchmark's API client.",
            "body": "Some *Markdown*.",
            "tagList": ["benchmark"],
        }
        body = {"article": article}
        self.call("POST", "/api/articles", "POST /api/articles", 201, '"slug"', body)

    @task(1)
    def favorite(self) -> None:
        path = f"/api/articles/{self.pick('slugs')}/favorite"
        self.call("POST", path, "POST /api/articles/[slug]/favorite", 200, '"favorited"')

    @task(1)
    def comment(self) -> None:
        path = f"/api/articles/{self.pick('slugs')}/comments"
        body = {"comment": {"body": "A measured API comment."}}
        self.call("POST", path, "POST /api/articles/[slug]/comments", 201, '"comment"', body)
