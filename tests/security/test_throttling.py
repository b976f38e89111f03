"""Sign-in is throttled per client address and per account, pages and API together (policies.md).

Each test starts its own twin with the default limits (the shared suite's twin runs with the
generous ones tests/conftest.py sets): in-process counts under one worker, Redis under two.
"""

import base64
import os
import re
import zlib
from contextlib import contextmanager

import pytest
import requests

from launcher import drop_postgres_database, fresh_database, running_twin
from tests.security.cache import empty_redis
from tests.support.browser import Browser
from tests.support.factories import PASSWORD, register, unique

PER_ADDRESS, PER_ACCOUNT = 20, 5  # the defaults of policies.md, per minute


@contextmanager
def throttled_twin(name: str, tmp_path, **options):
    server = os.environ.get("TEST_DATABASE_URL") or None
    database_url = fresh_database(server, tmp_path, f"twins_throttle_{name}")
    try:
        with running_twin(name, database_url=database_url, **options) as running:
            yield running.base_url
    finally:
        if server:
            drop_postgres_database(database_url)


@pytest.fixture(params=["django", "flask"])
def twin_url(request, tmp_path):
    with throttled_twin(request.param, tmp_path, workers=1) as base_url:
        yield base_url


def page_sign_in(base_url: str, email: str, password: str):
    return Browser(base_url).submit("/login/", "login-form", {"email": email, "password": password})


def api_sign_in(base_url: str, email: str, password: str) -> requests.Response:
    body = {"user": {"email": email, "password": password}}
    return requests.post(f"{base_url}/api/users/login", json=body, timeout=30)


def assert_throttled(response: requests.Response) -> None:
    assert response.status_code == 429, response.text[:300]
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert not signs_in(response.headers.get("Set-Cookie", ""))  # nobody was signed in


def signs_in(set_cookie: str) -> bool:
    """Whether a Set-Cookie header starts a signed-in session: Django's `sessionid`, set only at
    sign-in, or Flask's `session` cookie carrying Flask-Login's `_user_id` (its payload is
    readable base64, compressed when it starts with a dot)."""
    if "sessionid=" in set_cookie:
        return True
    match = re.search(r"(?:^|[;,]\s*)session=(\.?)([^.;]+)", set_cookie)
    if not match:
        return False
    payload = base64.urlsafe_b64decode(match.group(2) + "=" * (-len(match.group(2)) % 4))
    return b"_user_id" in (zlib.decompress(payload) if match.group(1) else payload)


def assert_signed_out(browser: Browser) -> None:
    assert browser.get("/settings/").status == 302


def test_bad_passwords_lock_the_account_on_pages_and_api(twin_url):
    account = register(twin_url)
    for _ in range(PER_ACCOUNT - 2):
        assert page_sign_in(twin_url, account.email, "wrong-password").status == 422
    for _ in range(2):
        assert api_sign_in(twin_url, account.email, "wrong-password").status_code == 401
    page = page_sign_in(twin_url, account.email.upper(), PASSWORD)  # the right one, too late
    assert_throttled(page.response)
    reply = api_sign_in(twin_url, f" {account.email} ", PASSWORD)
    assert_throttled(reply)
    assert reply.json() == {"errors": {"request": ["too many requests"]}}
    assert "user" not in reply.json()


def test_another_account_is_not_locked_by_one_accounts_failures(twin_url):
    victim, other = register(twin_url), register(twin_url)
    # Until the 429: a fixed window may end meanwhile (see attempts_until_throttled).
    attempts_until_throttled(
        lambda: page_sign_in(twin_url, victim.email, "wrong-password").status, PER_ACCOUNT
    )
    assert_throttled(api_sign_in(twin_url, victim.email, PASSWORD))
    assert page_sign_in(twin_url, other.email, PASSWORD).status == 302


def attempts_until_throttled(send, limit: int) -> int:
    """Send until a 429; the limits count in fixed windows, so one window may end meanwhile and
    at most twice the limit passes before it (each attempt not throttled must be refused)."""
    for attempt in range(1, 2 * limit + 2):
        status = send()
        if status == 429:
            return attempt
        assert status in (401, 422), status
    raise AssertionError(f"no 429 in {2 * limit + 1} sign-ins")


def test_one_address_is_limited_across_accounts(twin_url):
    def unknown_account() -> int:
        email = f"{unique()}@example.com"
        return api_sign_in(twin_url, email, "wrong-password").status_code

    assert attempts_until_throttled(unknown_account, PER_ADDRESS) > PER_ADDRESS
    account = register(twin_url)
    page = page_sign_in(twin_url, account.email, PASSWORD)
    assert_throttled(page.response)
    browser = Browser(twin_url)
    browser.session.cookies.update(page.response.cookies)
    assert_signed_out(browser)
    assert_throttled(api_sign_in(twin_url, account.email, PASSWORD))


def test_the_get_of_the_sign_in_page_is_not_counted(twin_url):
    for _ in range(PER_ADDRESS + 1):
        assert Browser(twin_url).get("/login/").status == 200
    account = register(twin_url)
    assert page_sign_in(twin_url, account.email, PASSWORD).status == 302


@pytest.mark.parametrize("name", ["django", "flask"])
def test_redis_counts_one_account_across_two_workers(name, tmp_path):
    extra = {"REDIS_URL": empty_redis()}
    with throttled_twin(name, tmp_path, workers=2, extra_env=extra) as base_url:
        account = register(base_url)
        for _ in range(PER_ACCOUNT):
            assert api_sign_in(base_url, account.email, "wrong-password").status_code == 401
        assert_throttled(api_sign_in(base_url, account.email, PASSWORD))
        # an email no cache key can hold as it is (a lone surrogate) is still refused cleanly
        assert api_sign_in(base_url, "\udc80@example.com", PASSWORD).status_code == 422
