"""List pages only (home, later pages, tags, profiles), signed out: the data-size sweep."""

from locust import task

from benchmarks.load.scenarios.common import Visitor


class ListTasks(Visitor):
    """The list pages; the reader scenario adds article pages to these."""

    abstract = True

    @task(3)
    def home(self) -> None:
        self.page("/", "/", 'data-testid="article-list"')

    @task(1)
    def home_later_page(self) -> None:
        self.page(f"/?page={self.rng.randint(2, 5)}", "/?page=[2-5]", 'data-testid="article-list"')

    @task(3)
    def tag(self) -> None:
        self.page(f"/tag/{self.pick('tags')}/", "/tag/[tag]/", 'data-testid="tab-tag"')

    @task(2)
    def profile(self) -> None:
        marker = 'data-testid="profile-username"'
        self.page(f"/profile/{self.pick('authors')}/", "/profile/[username]/", marker)


class ListReader(ListTasks):
    """Signed out, list pages only."""
