"""Sign-in takes as long for an unknown email as for a known one: no account is told apart."""

import statistics
import time

from tests.support.browser import Browser, hidden_fields

ATTEMPTS = 7


def median_sign_in_seconds(browser: Browser, email: str) -> float:
    """The median time of refused sign-ins with this email, each with a fresh form's token."""
    durations = []
    for _ in range(ATTEMPTS):
        _, form = browser.form("/login/", "login-form")
        fields = {**hidden_fields(form), "email": email, "password": "not-the-password"}
        start = time.perf_counter()
        page = browser.post("/login/", fields)
        durations.append(time.perf_counter() - start)
        assert page.status == 422
        assert page.error_fields() == {""}
    return statistics.median(durations)


def test_an_unknown_email_takes_as_long_to_refuse_as_a_known_one(anon, reader):
    known = median_sign_in_seconds(anon, reader.email)
    unknown = median_sign_in_seconds(anon, "nobody-at-all@example.com")

    assert unknown >= 0.5 * known, f"unknown {unknown * 1000:.1f} ms, known {known * 1000:.1f} ms"
    assert anon.get("/settings/").status == 302
