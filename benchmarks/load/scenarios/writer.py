"""Writer, signed in: post an article, comment, favorite (each through the page's own form)."""

from locust import task

from benchmarks.load.scenarios.common import SignedInVisitor


class Writer(SignedInVisitor):
    @task(1)
    def write_article(self) -> None:
        page = self.page("/editor/", "/editor/", 'data-testid="article-form"')
        article = {
            "title": f"Measured article {self.number}-{self.rng.getrandbits(32):08x}",
            "description": "Written by the benchmark's writer scenario.",
            "body": "Some *Markdown* with a [link](https://example.com/) and `code`.",
            "tags": "benchmark python",
        }
        self.post_form(page, "article-form", article, "POST /editor/", "/article/")

    @task(3)
    def comment(self) -> None:
        slug = self.pick("slugs")
        page = self.page(f"/article/{slug}/", "/article/[slug]/", 'data-testid="article-title"')
        data = {"body": "A measured comment."}
        self.post_form(page, "comment-form", data, "POST /article/[slug]/comments/", slug)

    @task(3)
    def favorite(self) -> None:
        slug = self.pick("slugs")
        page = self.page(f"/article/{slug}/", "/article/[slug]/", 'data-testid="article-title"')
        testid = "unfavorite-form" if page and 'data-testid="unfavorite-form"' in page else None
        name = "POST /article/[slug]/unfavorite/" if testid else "POST /article/[slug]/favorite/"
        self.post_form(page, testid or "favorite-form", {}, name, slug)
