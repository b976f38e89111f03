"""Probe: one JSON endpoint of the RealWorld API (the tag list)."""

from locust import task

from benchmarks.load.scenarios.common import ApiClient


class JsonProbe(ApiClient):
    @task
    def tags(self) -> None:
        self.call("GET", "/api/tags", "/api/tags", 200, '"tags"')
