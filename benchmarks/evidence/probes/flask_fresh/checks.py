"""Tools side of flask_fresh: what each served app answers over HTTP, as figures."""

import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from benchmarks.evidence.probes.flask_fresh import readings

TIMEOUT_S = 10
SECURITY_HEADERS = {
    "header_x_frame_options": "X-Frame-Options",
    "header_x_content_type_options": "X-Content-Type-Options",
    "header_referrer_policy": "Referrer-Policy",
    "header_cross_origin_opener_policy": "Cross-Origin-Opener-Policy",
}
INJECTION = "' OR 1=1 --"
SEEDED_TITLES = ("first", "second", "third")
CONSOLE_COMMAND, CONSOLE_ANSWER = "'%d-probe' % (6 * 7)", "42-probe"


def concurrency(url: str, requests_at_once: int = 20, sleep_ms: int = 200) -> dict:
    """Many GETs of a sleeping view at once: the wall time for all, the threads that ran them."""

    def one(_):
        return requests.get(f"{url}/sleep", params={"ms": sleep_ms}, timeout=TIMEOUT_S * 6)

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=requests_at_once) as pool:
        answers = list(pool.map(one, range(requests_at_once)))
    wall = time.monotonic() - began
    if any(answer.status_code != 200 for answer in answers):
        raise RuntimeError(f"/sleep answered {Counter(a.status_code for a in answers)}")
    return {
        "flask_run_concurrent_wall_s": round(wall, 3),
        "flask_run_distinct_threads": len({answer.json()["thread"] for answer in answers}),
    }


def page_headers(url: str) -> dict:
    """The security headers of the home page, and its Content-Encoding when gzip is accepted."""
    page = requests.get(url + "/", headers={"Accept-Encoding": "gzip"}, timeout=TIMEOUT_S)
    figures = {name: page.headers.get(header) for name, header in SECURITY_HEADERS.items()}
    figures["gzip_content_encoding"] = page.headers.get("Content-Encoding")
    figures["gzip_page_bytes"] = len(page.content)
    return figures


def session_cookie(url: str) -> dict:
    """The session cookie after the app stores two values: its flags, read with no key, tampered."""
    answer = requests.get(f"{url}/cart", timeout=TIMEOUT_S)
    set_cookie = next(h for h in answer.raw.headers.getlist("Set-Cookie") if "session=" in h)
    flags = readings.cookie_attributes(set_cookie)
    cookie = answer.cookies["session"]
    payload = readings.session_payload(cookie)
    signed = requests.get(f"{url}/session", cookies={"session": cookie}, timeout=TIMEOUT_S)
    tampered = requests.get(
        f"{url}/session", cookies={"session": readings.tampered(cookie)}, timeout=TIMEOUT_S
    )
    return {
        "session_cookie_samesite": flags["samesite"],
        "session_cookie_httponly": flags["httponly"],
        "session_cookie_secure": flags["secure"],
        "session_cookie_readable_without_key": payload is not None,
        "session_cookie_decoded_keys": sorted(payload or {}),
        "session_cookie_tampered_rejected": bool(signed.json()) and tampered.json() == {},
    }


def form_post_status(url: str) -> int:
    """The status of a form POSTed with no CSRF token (and no cookie)."""
    return requests.post(f"{url}/form", data={"name": "probe"}, timeout=TIMEOUT_S).status_code


def rate_limit(url: str, attempts: int = 200) -> dict:
    """Rapid failed sign-ins on one connection: how many the app answered with 429."""
    with requests.Session() as client:
        statuses = Counter(
            client.post(
                f"{url}/login", data={"username": "demo", "password": f"guess-{n}"},
                timeout=TIMEOUT_S,
            ).status_code
            for n in range(attempts)
        )  # fmt: skip
    return {
        "rate_limit_429_count": statuses[429],
        "rate_limit_statuses": {str(code): count for code, count in sorted(statuses.items())},
    }


def views(url: str) -> dict:
    """A MethodView sent a method it lacks, custom error pages, a blueprint under two prefixes."""
    missing = requests.get(f"{url}/no-such-page", timeout=TIMEOUT_S)
    failing = requests.get(f"{url}/boom", timeout=TIMEOUT_S)
    prefixes = [requests.get(f"{url}/{p}/hello", timeout=TIMEOUT_S) for p in ("a", "b")]
    wrong_method = requests.post(f"{url}/items", timeout=TIMEOUT_S)
    return {
        "methodview_wrong_method_status": wrong_method.status_code,
        "errorhandler_404_renders": missing.status_code == 404 and "custom-404" in missing.text,
        "errorhandler_500_renders": failing.status_code == 500 and "custom-500" in failing.text,
        "blueprint_two_prefixes_ok": all(answer.status_code == 200 for answer in prefixes),
    }


def debugger_command(client: requests.Session, url: str, page: dict, **arguments) -> str:
    """One request to the debugger of a page, as its JavaScript sends them; the answer's text."""
    arguments |= {"__debugger__": "yes", "s": page["secret"]}
    return client.get(url + "/", params=arguments, timeout=TIMEOUT_S).text


def printed_pin(server_output: Callable[[], str]) -> str | None:
    deadline = time.monotonic() + TIMEOUT_S
    while (pin := readings.debugger_pin(server_output())) is None and time.monotonic() < deadline:
        time.sleep(0.1)
    return pin


def debugger(url: str, server_output: Callable[[], str]) -> dict:
    """The exception page of `flask run --debug`: its console; does it run code with no PIN?"""
    answer = requests.get(f"{url}/boom", timeout=TIMEOUT_S)
    page = readings.debugger_page(answer.text)
    command = {"cmd": CONSOLE_COMMAND, "frm": page["frame"]}
    with requests.Session() as client:
        without_pin = debugger_command(client, url, page, **command)
        debugger_command(client, url, page, cmd="printpin")  # the console's prompt asks for it
        pin = printed_pin(server_output)
        debugger_command(client, url, page, cmd="pinauth", pin=pin or "")
        with_pin = debugger_command(client, url, page, **command)
    return {
        "debugger_console_shown": answer.status_code == 500 and page["console"],
        "debugger_pin_protected": pin is not None
        and not page["trusted"]
        and CONSOLE_ANSWER not in without_pin,
        "debugger_command_with_pin_executed": CONSOLE_ANSWER in with_pin,
    }


def count_rows(database: Path, where: str = "1", parameters: tuple = ()) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(
            f"SELECT count(*) FROM note WHERE {where}", parameters
        ).fetchone()[0]


def orm(url: str, database: Path) -> dict:
    """A view that flushes a row and raises; a search by the ORM and by an f-string, injected."""
    with sqlite3.connect(database) as connection:
        connection.executemany("INSERT INTO note (title) VALUES (?)", [(t,) for t in SEEDED_TITLES])
    failed = requests.post(f"{url}/notes/add-then-fail", timeout=TIMEOUT_S)
    searches = {
        name: requests.get(f"{url}/{path}", params={"q": q}, timeout=TIMEOUT_S).json()["rows"]
        for name, path, q in (
            ("orm_injection_rows", "search", INJECTION),
            ("raw_fstring_injection_rows", "search-raw", INJECTION),
            ("orm_exact_match_rows", "search", SEEDED_TITLES[0]),
        )
    }
    return searches | {
        "transaction_view_status": failed.status_code,
        "transaction_partial_rows": count_rows(database, "title = ?", ("partial",)),
        "injection_table_rows": count_rows(database),
    }


def admin_index_status(url: str) -> int:
    return requests.get(f"{url}/admin/", timeout=TIMEOUT_S).status_code


def admin(url: str, database: Path) -> dict:
    """Flask-Admin's index and its ModelView's create form, as a visitor who never signed in."""
    create_url = f"{url}/admin/note/new/"
    fields = readings.form_fields(requests.get(create_url, timeout=TIMEOUT_S).text)
    title = "added by a visitor who never signed in"
    before = count_rows(database)
    requests.post(create_url, data=fields | {"title": title}, timeout=TIMEOUT_S)
    created = count_rows(database, "title = ?", (title,))
    return {
        "admin_anonymous_get_status": admin_index_status(url),
        "admin_anonymous_post_created_row": created == 1 and count_rows(database) == before + 1,
    }


def login_cookie_keys(url: str) -> dict:
    """Sign in through the Flask-WTF form, then read the Flask-Login session cookie with no key."""
    with requests.Session() as client:
        fields = readings.form_fields(client.get(f"{url}/signin", timeout=TIMEOUT_S).text)
        fields |= {"username": "demo", "password": "demo-password"}
        signed_in = client.post(f"{url}/signin", data=fields, timeout=TIMEOUT_S)
        payload = readings.session_payload(client.cookies["session"])
    return {
        "login_succeeded": signed_in.status_code == 200 and signed_in.json() == {"user": "demo"},
        "session_cookie_login_keys": sorted(payload or {}),
    }


def greeting_changes_with_french(url: str) -> bool:
    """Does Accept-Language: fr change the greeting (its locale or text)?"""
    plain = requests.get(f"{url}/greeting", timeout=TIMEOUT_S).json()
    french = requests.get(f"{url}/greeting", headers={"Accept-Language": "fr"}, timeout=TIMEOUT_S)
    return french.json() != plain
