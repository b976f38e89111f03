"""Probe: one page whose size does not depend on the data (the sign-in form), signed out."""

from locust import task

from benchmarks.load.scenarios.common import Visitor


class PageProbe(Visitor):
    @task
    def sign_in_form(self) -> None:
        self.page("/login/", "/login/", 'data-testid="login-form"')
