"""SQL statements per page, read from X-Query-Count in a pass of its own, never in a timed run."""

# Each twin is started with TWINS_COUNT_QUERIES=1 on each data scale; every page is asked for once
# signed out and once signed in as the demo user, and the API endpoints with and without a token.

import json

import requests

from benchmarks.load.loadrun import LoadContext, cpu_list
from benchmarks.load.plan import Scale
from benchmarks.load.sessions import api_token, api_unavailable_reason, signed_in_session
from benchmarks.load.snapshots import targets_file
from launcher import TWINS, free_port, serve, twin_env


def pages(targets: dict) -> dict[str, str]:
    """One URL per page kind: the newest article not by the demo user, its author, the top tag."""
    slug, author = targets["sample_article"]
    tag = targets["top_tag"]
    return {
        "home": "/",
        "home, page 2": "/?page=2",
        "tag": f"/tag/{tag}/",
        "article": f"/article/{slug}/",
        "profile": f"/profile/{author}/",
        "profile favorites": f"/profile/{author}/favorites/",
        "your feed": "/feed/",
        "sign-in form": "/login/",
        "editor": "/editor/",
        "settings": "/settings/",
        "API articles": "/api/articles?limit=10&offset=0",
        "API feed": "/api/articles/feed?limit=10",
        "API article": f"/api/articles/{slug}",
        "API comments": f"/api/articles/{slug}/comments",
        "API profile": f"/api/profiles/{author}",
        "API tags": "/api/tags",
    }


def observe(response: requests.Response) -> dict:
    header = response.headers.get("X-Query-Count")
    return {"status": response.status_code, "queries": int(header) if header else None}


def count_twin(base_url: str, targets: dict, api_missing: str | None) -> dict:
    """{page: {"signed out": observation, "signed in": observation}} for one running twin."""
    email, password = targets["demo"]
    anonymous = requests.Session()
    browser = signed_in_session(base_url, email, password)
    token = None if api_missing else api_token(base_url, email, password)
    counts = {}
    for label, path in pages(targets).items():
        if label.startswith("API"):
            if api_missing:
                continue
            headers = {"Authorization": f"Token {token}"}
            signed_out = requests.get(base_url + path, timeout=30)
            signed = requests.get(base_url + path, headers=headers, timeout=30)
        else:
            signed_out = anonymous.get(base_url + path, allow_redirects=False, timeout=30)
            signed = browser.get(base_url + path, allow_redirects=False, timeout=30)
        counts[label] = {"signed out": observe(signed_out), "signed in": observe(signed)}
    return counts


def counting_pass(twin: str, scale: Scale, context: LoadContext) -> dict:
    """Start the twin with query counting on, count every page, detect the API, stop it."""
    targets = json.loads(targets_file(scale).read_text())
    if twin in context.hosts:
        base_url = context.hosts[twin]
        missing = api_unavailable_reason(base_url)
        return {"counts": count_twin(base_url, targets, missing), "api_missing": missing}
    database_url = context.store.restore(twin, scale)
    env = twin_env(
        TWINS[twin], database_url, SECRET_KEY=context.secret_key, DEBUG="0", TWINS_COUNT_QUERIES="1"
    )
    log_path = context.raw_dir / f"count-{twin}-{scale.label}-gunicorn.log"
    cpus = cpu_list(context.server_cpus[:1])
    running = serve(TWINS[twin], env, free_port(), cpu=cpus, log_path=log_path)
    try:
        missing = api_unavailable_reason(running.base_url)
        return {"counts": count_twin(running.base_url, targets, missing), "api_missing": missing}
    finally:
        running.stop()
        context.store.discard(database_url)


def growth(small: dict, large: dict) -> list[str]:
    """Pages whose statement count is higher on the larger data set (each should be constant)."""
    grown = []
    for label, by_user in large.items():
        for who, seen in by_user.items():
            before = small.get(label, {}).get(who, {}).get("queries")
            if seen["queries"] is not None and before is not None and seen["queries"] > before:
                grown.append(f"{label} ({who}): {before} → {seen['queries']}")
    return grown
