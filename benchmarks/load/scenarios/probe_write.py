"""Probe: one write, signed in (a comment posted with a form token read once at start)."""

from locust import task

from benchmarks.load.htmlforms import find_form
from benchmarks.load.scenarios.common import SignedInVisitor, expect


class WriteProbe(SignedInVisitor):
    def on_start(self) -> None:
        super().on_start()
        self.slug = self.pick("slugs")
        marker = 'data-testid="comment-form"'
        page = self.page(f"/article/{self.slug}/", "setup /article/[slug]/", marker)
        self.form = find_form(page, "comment-form") if page else None

    @task
    def comment(self) -> None:
        if self.form is None:
            return
        action, hidden = self.form
        data = {**hidden, "body": "A measured comment."}
        with self.client.post(
            action, data=data, name="POST /article/[slug]/comments/", catch_response=True,
            allow_redirects=False,
        ) as resp:  # fmt: skip
            expect(resp, 302)
