"""Reader: home, tag pages, article pages and profiles; three signed out for one signed in."""

from locust import task

from benchmarks.scenarios.common import SignedInVisitor, Visitor


class ReaderTasks(Visitor):
    abstract = True

    @task(4)
    def home(self) -> None:
        self.page("/", "/", 'data-testid="article-list"')

    @task(1)
    def home_later_page(self) -> None:
        self.page(f"/?page={self.rng.randint(2, 5)}", "/?page=[2-5]", 'data-testid="article-list"')

    @task(3)
    def tag(self) -> None:
        self.page(f"/tag/{self.pick('tags')}/", "/tag/[tag]/", 'data-testid="tab-tag"')

    @task(5)
    def article(self) -> None:
        marker = 'data-testid="article-title"'
        self.page(f"/article/{self.pick('slugs')}/", "/article/[slug]/", marker)

    @task(2)
    def profile(self) -> None:
        marker = 'data-testid="profile-username"'
        self.page(f"/profile/{self.pick('authors')}/", "/profile/[username]/", marker)


class AnonymousReader(ReaderTasks):
    weight = 3


class SignedInReader(ReaderTasks, SignedInVisitor):
    weight = 1

    @task(2)
    def your_feed(self) -> None:
        self.page("/feed/", "/feed/", 'data-testid="feed-tabs"')
