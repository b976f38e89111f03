"""The production profile (TWINS_PROFILE=production) behind deploy/'s nginx with TLS: HSTS, Secure
cookies, HTTPS only, the proxy's headers trusted as nginx writes them; `check --deploy` clean.
"""

import os
import subprocess
import uuid
from contextlib import ExitStack

import pytest
import requests

from launcher import drop_postgres_database, fresh_database, running_twin
from launcher.twins import TWINS, twin_env
from tests.security.cache import REDIS_URL, empty_redis
from tests.security.proxy import running_nginx
from tests.security.test_throttling import attempts_until_throttled
from tests.support.browser import Browser
from tests.support.factories import PASSWORD, unique

HSTS = "max-age=31536000; includeSubDomains; preload"
PER_ADDRESS = 20  # the default of policies.md, per minute
PRODUCTION = {"TWINS_PROFILE": "production"}


def check_deploy(**extra: str) -> subprocess.CompletedProcess:
    django = TWINS["django"]
    env = twin_env(django, "sqlite:///:memory:", **extra)
    command = [str(django.bin / "python"), "manage.py", "check", "--deploy", "--fail-level", "INFO"]
    return subprocess.run(command, cwd=django.workdir, env=env, capture_output=True, text=True)


def test_check_deploy_finds_no_issue_in_the_production_profile():
    result = check_deploy(**PRODUCTION, REDIS_URL=REDIS_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_refuses_the_development_profile():
    result = check_deploy()
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr  # HSTS, HTTPS redirect, Secure session and CSRF cookies


def test_check_deploy_refuses_per_process_sign_in_counts_in_production():
    result = check_deploy(**PRODUCTION)
    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stderr


def test_flask_refuses_to_start_with_per_process_sign_in_counts_in_production():
    """The counterpart of the check above: the application factory refuses (as for SECRET_KEY)."""
    flask = TWINS["flask"]
    env = twin_env(flask, "sqlite:///:memory:", **PRODUCTION)
    command = [str(flask.bin / "python"), "-c", "import flask_impl; flask_impl.create_app()"]
    result = subprocess.run(command, cwd=flask.workdir, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "set REDIS_URL" in result.stderr
    env["REDIS_URL"] = REDIS_URL
    result = subprocess.run(command, cwd=flask.workdir, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module", params=["django", "flask"])
def proxy(request, tmp_path_factory):
    """nginx with TLS in front of the twin under the production profile, counting in Redis."""
    directory = tmp_path_factory.mktemp(f"production-{request.param}")
    server = os.environ.get("TEST_DATABASE_URL") or None
    database_url = fresh_database(server, directory, f"twins_prod_{request.param}")
    try:
        with ExitStack() as stack:
            twin = stack.enter_context(
                running_twin(
                    request.param,
                    database_url=database_url,
                    extra_env={**PRODUCTION, "REDIS_URL": empty_redis()},
                )
            )
            yield stack.enter_context(running_nginx(twin.base_url, directory / "nginx"))
    finally:
        if server:
            drop_postgres_database(database_url)


def browser_for(proxy) -> Browser:
    browser = Browser(proxy.https_url)
    browser.session.verify = str(proxy.certificate)
    browser.session.trust_env = False  # else REQUESTS_CA_BUNDLE, if set, would replace verify
    browser.session.headers["Referer"] = proxy.https_url + "/"  # HTTPS forms check it
    return browser


def test_https_pages_send_hsts(proxy):
    page = browser_for(proxy).get("/")
    assert page.status == 200
    assert page.response.headers["Strict-Transport-Security"] == HSTS


def test_plain_http_is_sent_to_https(proxy):
    page = requests.get(proxy.http_url + "/login/?next=/feed/", allow_redirects=False, timeout=10)
    assert page.status_code == 301
    assert page.headers["Location"].startswith("https://")
    assert page.headers["Location"].endswith("/login/?next=/feed/")


def test_sign_up_and_sign_in_set_only_secure_cookies(proxy):
    browser, username = browser_for(proxy), unique()
    email = f"{username}@example.com"
    fields = {"username": username, "email": email, "password": PASSWORD}
    page = browser.submit("/register/", "register-form", fields)
    assert page.status == 302
    assert not page.location.startswith("http://")
    again = browser_for(proxy)
    page = again.submit("/login/", "login-form", {"email": email, "password": PASSWORD})
    assert page.status == 302
    cookies = [*browser.session.cookies, *again.session.cookies]
    assert cookies
    assert all(cookie.secure for cookie in cookies), [(c.name, c.secure) for c in cookies]
    assert again.get("/settings/").status == 200


def test_a_spoofed_forwarded_for_does_not_escape_the_address_limit(proxy):
    """nginx writes X-Forwarded-For itself, so a client cannot pose as many addresses."""

    def spoofed() -> int:
        return requests.post(
            proxy.https_url + "/api/users/login",
            json={"user": {"email": f"{unique()}@example.com", "password": "wrong-password"}},
            headers={"X-Forwarded-For": f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.1"},
            verify=proxy.certificate,
            timeout=10,
        ).status_code

    # a 429 comes within the limit (twice it, should a window end meanwhile), whatever each claims
    attempts_until_throttled(spoofed, PER_ADDRESS)
