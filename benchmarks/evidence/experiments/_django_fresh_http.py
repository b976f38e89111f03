"""The django_fresh experiment's HTTP probes: each takes a running server's base URL and returns
figures named as in FIGURES (the readings they use: _django_fresh_readings.py)."""

import statistics
import string
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests

from benchmarks.evidence.experiments._django_fresh_readings import (
    cookie_attributes,
    cookie_payload,
    csrf_token,
    feed_items,
    sitemap_urls,
)

TIMEOUT = 60
LOGIN = "/admin/login/"
TECHNICAL_500 = "seeing this error because you have <code>DEBUG = True</code>"
FRENCH = ('lang="fr"', "Connexion")  # the admin's <html lang> and its French for "Log in"


def csrf_session(base: str, page: str = "/form/") -> tuple[requests.Session, str]:
    """A client holding a CSRF cookie, and the token of the page's form."""
    session = requests.Session()
    return session, csrf_token(session.get(base + page, timeout=TIMEOUT).text)


def admin_login(base: str, username: str, password: str) -> tuple[requests.Session, dict]:
    """Sign in through the admin's login form; the session and the sessionid cookie's attributes."""
    session, token = csrf_session(base, LOGIN)
    response = session.post(
        base + LOGIN,
        allow_redirects=False,
        timeout=TIMEOUT,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token,
            "next": "/admin/",
        },
    )
    cookies = [cookie_attributes(h) for h in response.raw.headers.getlist("Set-Cookie")]
    session_cookie = next((c for c in cookies if c["name"] == "sessionid"), None)
    if response.status_code != 302 or session_cookie is None:
        raise ValueError(f"admin login answered {response.status_code} without a sessionid")
    return session, session_cookie


def page_headers(base: str) -> dict:
    headers = requests.get(base + "/form/", timeout=TIMEOUT).headers
    return {
        f"header_{name.lower().replace('-', '_')}": headers.get(name)
        for name in (
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cross-Origin-Opener-Policy",
        )
    }


def session_cookie(cookie: dict, notes: list[str]) -> dict:
    value = cookie["value"]
    opaque = set(value) <= set(string.ascii_lowercase + string.digits)
    notes.append(f"sessionid value: {len(value)} characters, only a-z and 0-9: {opaque}")
    return {
        "session_cookie_samesite": cookie["samesite"],
        "session_cookie_httponly": cookie["httponly"],
        "session_cookie_secure": cookie["secure"],
        "session_cookie_holds_data": cookie_payload(cookie["value"]) is not None,
    }


def csrf_refusal(base: str, signed_in: requests.Session, notes: list[str]) -> dict:
    """POST the form with the session cookie alone, then, as a control, with cookie and token."""
    bare = requests.post(
        base + "/form/",
        data={"title": "no token"},
        timeout=TIMEOUT,
        cookies={"sessionid": signed_in.cookies["sessionid"]},
    )
    session, token = csrf_session(base)
    control = session.post(
        base + "/form/", timeout=TIMEOUT, data={"title": "with token", "csrfmiddlewaretoken": token}
    )
    notes.append(f"CSRF control: the same POST with its token answered {control.status_code}")
    return {"csrf_post_without_token_status": bare.status_code}


def anonymous_admin(base: str) -> dict:
    response = requests.get(base + "/admin/", allow_redirects=False, timeout=TIMEOUT)
    location = response.headers.get("Location", "")
    return {
        "admin_anonymous_status": response.status_code,
        "admin_anonymous_redirects_to_login": response.is_redirect and location.startswith(LOGIN),
    }


def search_rows(base: str, query: str, path: str = "/search/") -> list[dict]:
    response = requests.get(base + path, params={"q": query}, timeout=TIMEOUT)
    response.raise_for_status()
    return response.json()["rows"]


def injection(base: str, payload: str, stored: int) -> dict:
    if stored < 3:
        raise ValueError(f"the injection probe needs 3+ stored rows, found {stored}")
    return {
        "orm_injection_rows": len(search_rows(base, payload)),
        "raw_fstring_injection_rows": len(search_rows(base, payload, "/search-raw/")),
    }


def write_then_raise(base: str, title: str) -> tuple[int, requests.Response]:
    """Call the failing view once; the rows it left behind, and its error response."""
    session, token = csrf_session(base)
    response = session.post(
        base + "/write-then-raise/",
        timeout=TIMEOUT,
        data={"title": title, "csrfmiddlewaretoken": token},
    )
    if response.status_code != 500:
        raise ValueError(f"the failing view answered {response.status_code}, not 500")
    return len(search_rows(base, title)), response


def technical_500(response: requests.Response) -> bool:
    return response.status_code == 500 and TECHNICAL_500 in response.text


def concurrency(base: str, runs: int, requests_at_once: int, sleep_ms: int) -> dict:
    """Requests at once to the sleeping view: median wall time, fewest distinct threads seen."""
    url = f"{base}/sleep/?ms={sleep_ms}"
    requests.get(url, timeout=TIMEOUT).raise_for_status()  # the first request loads the view
    walls, threads = [], []
    for _ in range(runs):
        with ThreadPoolExecutor(requests_at_once) as pool:
            began = time.perf_counter()
            idents = list(
                pool.map(
                    lambda _: requests.get(url, timeout=TIMEOUT).json()["thread"],
                    range(requests_at_once),
                )
            )
            walls.append(time.perf_counter() - began)
        threads.append(len(set(idents)))
    return {
        "runserver_concurrent_wall_s": round(statistics.median(walls), 3),
        "runserver_distinct_threads": min(threads),
    }


def admin_in_french(base: str) -> bool:
    text = requests.get(base + LOGIN, headers={"Accept-Language": "fr"}, timeout=TIMEOUT).text
    return all(marker in text for marker in FRENCH)


def sitemap_and_feed(base: str) -> dict:
    sitemap = requests.get(base + "/sitemap.xml", timeout=TIMEOUT)
    feed = requests.get(base + "/feed/", timeout=TIMEOUT)
    return {
        "sitemap_parses": sitemap.ok and sitemap_urls(sitemap.text) >= 1,
        "feed_parses": feed.ok and feed_items(feed.text) >= 1,
    }


def admin_crud(base: str, staff: requests.Session, notes: list[str]) -> dict:
    """Create, edit and delete a Note through the admin's own forms, checked by the ORM search."""
    changelist = f"{base}/admin/notes/note/"

    def submit(url: str, **data: str) -> int:
        token = csrf_token(staff.get(url, timeout=TIMEOUT).text)
        response = staff.post(
            url, data={**data, "csrfmiddlewaretoken": token}, allow_redirects=False, timeout=TIMEOUT
        )
        return response.status_code

    steps = {"create": submit(changelist + "add/", title="made in the admin")}
    made = search_rows(base, "made in the admin")
    if len(made) != 1:
        raise ValueError(f"the admin add form stored {len(made)} notes, not 1")
    change = f"{changelist}{made[0]['id']}/change/"
    steps["edit"] = submit(change, title="edited in the admin")
    edited = len(search_rows(base, "edited in the admin")) == 1
    steps["delete"] = submit(f"{changelist}{made[0]['id']}/delete/", post="yes")
    deleted = not search_rows(base, "edited in the admin")
    notes.append(f"admin CRUD statuses: {steps}; edited {edited}, deleted {deleted}")
    return {"admin_crud_ok": set(steps.values()) == {302} and edited and deleted}


def rate_limit(base: str, username: str, posts: int, notes: list[str]) -> dict:
    """Wrong-password POSTs to the admin login, 4 at a time; the statuses that came back."""
    session, token = csrf_session(base, LOGIN)
    cookies = session.cookies.get_dict()
    data = {"username": username, "password": "wrong password", "csrfmiddlewaretoken": token}

    def attempt(_: int) -> int:
        return requests.post(
            base + LOGIN, data=data, cookies=cookies, allow_redirects=False, timeout=TIMEOUT
        ).status_code

    began = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        statuses = Counter(pool.map(attempt, range(posts)))
    notes.append(
        f"{posts} wrong-password POSTs in {time.perf_counter() - began:.1f} s answered "
        f"{dict(sorted(statuses.items()))}"
    )
    return {"rate_limit_429_count": statuses[429]}


def gzip_encoding(base: str, notes: list[str]) -> dict:
    response = requests.get(base + "/form/", headers={"Accept-Encoding": "gzip"}, timeout=TIMEOUT)
    notes.append(f"gzip probe page: {len(response.content)} bytes once decoded")
    return {"gzip_content_encoding": response.headers.get("Content-Encoding")}


def custom_404(base: str) -> bool:
    response = requests.get(base + "/no-note-here/", timeout=TIMEOUT)
    return response.status_code == 404 and 'id="custom-404"' in response.text
