"""What every scenario shares: the data set's names, the signed-in sessions, checked requests."""

# The harness writes two files before locust starts: BENCH_TARGETS (slugs, authors, tags of the
# loaded data set) and BENCH_SESSIONS (cookies of accounts it signed in through /login/, and API
# tokens). Signing in happens before the window because one password hash costs more server time
# than hundreds of page views; users reuse those sessions, as returning visitors do.

import itertools
import json
import os
import random
from functools import cache
from http.cookiejar import Cookie
from pathlib import Path

from locust import FastHttpUser, constant

from benchmarks.load.htmlforms import find_form
from benchmarks.load.scenarios import window  # noqa: F401  (registers the measured window)
from benchmarks.load.scenarios.sequence import Sequence

SIGNED_IN_MARKER = 'data-testid="sign-out-form"'
USER_NUMBERS = itertools.count()


@cache
def targets() -> dict:
    return json.loads(Path(os.environ["BENCH_TARGETS"]).read_text())


@cache
def sessions() -> dict:
    return json.loads(Path(os.environ["BENCH_SESSIONS"]).read_text())


def make_cookie(name: str, value: str, domain: str, path: str) -> Cookie:
    return Cookie(
        0, name, value, None, False, domain, False, domain.startswith("."), path, True,
        False, None, True, None, None, {},
    )  # fmt: skip


def expect(response, status: int, marker: str | None = None) -> bool:
    """Mark the response failed unless it has this status and contains the marker."""
    if response.status_code != status:
        response.failure(f"status {response.status_code}, expected {status}")
        return False
    if marker is not None and marker not in (response.text or ""):
        response.failure(f"marker {marker!r} missing")
        return False
    response.success()
    return True


class SeededUser(FastHttpUser):
    """A closed-loop user whose every choice comes from its own Sequence (sequence.py)."""

    abstract = True
    wait_time = constant(0)

    def on_start(self) -> None:
        self.number = next(USER_NUMBERS)
        self.sequence = Sequence(self.number)
        # The one place locust picks a task; drawing it here makes the requests a fixed sequence.
        self._taskset_instance.get_next_task = self.next_task

    @property
    def rng(self) -> random.Random:
        return self.sequence.rng

    def next_task(self):
        return self.rng.choice(self.tasks)

    def pick(self, kind: str) -> str:
        return self.rng.choice(targets()[kind])


class Visitor(SeededUser):
    """A visitor of the pages: the next request leaves as soon as the previous one is answered."""

    abstract = True
    signed_in = False

    def page(self, path: str, name: str, marker: str) -> str | None:
        """GET a page that must answer 200 with the marker (and, signed in, the sign-out form)."""
        with self.client.get(path, name=name, catch_response=True, allow_redirects=False) as resp:
            if not expect(resp, 200, marker):
                return None
            if self.signed_in and SIGNED_IN_MARKER not in resp.text:
                resp.failure("signed-in page without the sign-out form")
                return None
            return resp.text

    def post_form(self, page: str | None, testid: str, data: dict, name: str, target: str) -> None:
        """Submit the page's form as a browser does; success: a 302 whose Location has target."""
        form = find_form(page, testid) if page else None
        if form is None:
            return
        action, hidden = form
        with self.client.post(
            action, data={**hidden, **data}, name=name, catch_response=True, allow_redirects=False
        ) as resp:
            if expect(resp, 302) and target not in resp.headers.get("Location", ""):
                resp.failure(f"redirected to {resp.headers.get('Location')!r}")


class SignedInVisitor(Visitor):
    """A visitor carrying the cookies of one of the accounts the harness signed in."""

    abstract = True
    signed_in = True

    def on_start(self) -> None:
        super().on_start()
        pool = sessions()["html"]
        for cookie in pool[self.number % len(pool)]:
            self.client.cookiejar.set_cookie(make_cookie(**cookie))


class ApiClient(SeededUser):
    """A RealWorld API client holding the JWT of one of the accounts the harness signed in."""

    abstract = True

    def on_start(self) -> None:
        super().on_start()
        tokens = sessions()["api"]
        self.headers = {"Authorization": f"Token {tokens[self.number % len(tokens)]}"}

    def call(self, method: str, path: str, name: str, status: int, marker: str, body=None):
        with self.client.request(
            method, path, name=name, json=body, headers=self.headers, catch_response=True
        ) as resp:
            expect(resp, status, marker)
