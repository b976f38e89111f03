"""Sign-ins the harness does before a run, through the same /login/ form and API a client uses."""

import json
from pathlib import Path
from urllib.parse import urljoin

import requests

from benchmarks.load.htmlforms import find_form

POOL_SIZE = 4


def signed_in_session(base_url: str, email: str, password: str) -> requests.Session:
    """A browser-like session that signed in through the login form."""
    session = requests.Session()
    page = session.get(f"{base_url}/login/", timeout=30)
    form = find_form(page.text, "login-form")
    if form is None:
        raise RuntimeError(f"{base_url}/login/ has no login-form ({page.status_code})")
    action, hidden = form
    response = session.post(
        urljoin(page.url, action),
        data={**hidden, "email": email, "password": password},
        allow_redirects=False,
        timeout=60,
    )
    if response.status_code != 302:
        raise RuntimeError(f"signing in as {email} answered {response.status_code}")
    return session


def html_session(base_url: str, email: str, password: str) -> list[dict]:
    """Cookies of a browser that signed in through the login form."""
    session = signed_in_session(base_url, email, password)
    return [
        {"name": cookie.name, "value": cookie.value, "domain": cookie.domain, "path": cookie.path}
        for cookie in session.cookies
    ]


def api_token(base_url: str, email: str, password: str) -> str:
    response = requests.post(
        f"{base_url}/api/users/login",
        json={"user": {"email": email, "password": password}},
        timeout=60,
    )
    response.raise_for_status()
    return response.json()["user"]["token"]


def api_unavailable_reason(base_url: str) -> str | None:
    """None when the twin serves the RealWorld API, else why it is counted as unavailable."""
    try:
        response = requests.get(f"{base_url}/api/tags", timeout=10)
    except requests.RequestException as error:
        return f"GET /api/tags failed: {error}"
    if response.status_code != 200:
        return f"GET /api/tags answered {response.status_code}: the twin has no JSON API yet"
    try:
        body = response.json()
    except ValueError:
        return "GET /api/tags did not answer JSON"
    return None if "tags" in body else "GET /api/tags has no `tags` key"


def write_sessions(path: Path, base_url: str, accounts: list, html: bool, api: bool) -> None:
    """Sign in the first POOL_SIZE seed accounts (not the demo) and save what locust needs."""
    pool = accounts[1 : POOL_SIZE + 1]
    record = {
        "html": [html_session(base_url, email, password) for email, password in pool]
        if html
        else [],
        "api": [api_token(base_url, email, password) for email, password in pool] if api else [],
    }
    path.write_text(json.dumps(record))
