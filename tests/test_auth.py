"""Signing up, in and out: the navigation, credentials, case rules and the `next` parameter."""

from urllib.parse import urlencode

import pytest

from tests.support.browser import Browser
from tests.support.factories import PASSWORD, register, sign_in, unique


def sign_up(anon: Browser, **fields: str):
    username = fields.get("username", unique())
    data = {"username": username, "email": f"{unique()}@example.com", "password": PASSWORD}
    return anon.submit("/register/", "register-form", {**data, **fields})


def test_sign_up_signs_in_and_redirects_home(anon):
    username = unique()

    page = sign_up(anon, username=username)

    assert page.status == 302
    assert page.location == "/"
    assert anon.follow(page).text("nav-profile") == username


def test_anonymous_nav_offers_sign_in_and_sign_up(anon):
    nav = anon.get("/")

    for testid in ["nav", "nav-home", "nav-sign-in", "nav-sign-up"]:
        assert nav.has(testid), testid
    for testid in ["nav-editor", "nav-settings", "nav-profile", "sign-out-form"]:
        assert not nav.has(testid), testid


def test_signed_in_nav_shows_editor_settings_profile_and_sign_out(reader):
    nav = reader.browser.get("/")

    assert nav.text("nav-profile") == reader.username
    for testid in ["nav-home", "nav-editor", "nav-settings", "sign-out-form"]:
        assert nav.has(testid, nav.one("nav")), testid
    assert not nav.has("nav-sign-in")
    assert not nav.has("nav-sign-up")


def test_username_taken_in_another_case_is_refused(anon, reader):
    page = sign_up(anon, username=reader.username.upper())

    assert page.status == 422
    assert page.error_fields() == {"username"}


def test_email_taken_in_another_case_is_refused(anon, reader):
    page = sign_up(anon, email=reader.email.upper())

    assert page.status == 422
    assert page.error_fields() == {"email"}


def test_email_is_stored_lowercased(twin):
    name = unique()
    register(twin.base_url, email=f"  {name.upper()}@Example.COM ")

    assert sign_in(twin.base_url, f"{name}@example.com", PASSWORD).get("/settings/").status == 200


@pytest.mark.parametrize("typed", ["upper case", "padded"])
def test_sign_in_email_is_trimmed_and_lowercased(twin, reader, typed):
    email = reader.email.upper() if typed == "upper case" else f"  {reader.email}  "

    browser = sign_in(twin.base_url, email, reader.password)

    assert browser.get("/").text("nav-profile") == reader.username


def test_sign_in_redirects_home(anon, reader):
    page = anon.submit(
        "/login/", "login-form", {"email": reader.email, "password": reader.password}
    )

    assert page.status == 302
    assert page.location == "/"
    assert anon.get("/settings/").status == 200


@pytest.mark.parametrize(
    ("email", "password"),
    [("{email}", "wrong-password"), ("nobody-{name}@example.com", PASSWORD)],
)
def test_bad_credentials_are_refused_with_a_form_wide_error(anon, reader, email, password):
    email = email.format(email=reader.email, name=unique())

    page = anon.submit("/login/", "login-form", {"email": email, "password": password})

    assert page.status == 422
    assert page.error_fields() == {""}
    assert [error.name for error in page.all("form-error")] == ["li"]
    assert page.has("login-form")
    assert anon.get("/settings/").status == 302


def test_login_form_carries_next_from_the_query(anon):
    form = anon.get("/login/?next=/editor/").one("login-form")

    assert form.select_one('input[type="hidden"][name="next"]')["value"] == "/editor/"


def test_failed_sign_in_keeps_the_next_target(anon, reader):
    failed = anon.submit(
        "/login/?next=/editor/", "login-form", {"email": reader.email, "password": "wrong-password"}
    )
    form = failed.one("login-form")

    page = anon.submit_form(failed, form, {"password": reader.password})

    assert failed.status == 422
    assert page.status == 302
    assert page.location == "/editor/"


@pytest.mark.parametrize("target", ["/editor/", "/settings/?tab=1", "{base}/editor/"])
def test_sign_in_follows_a_safe_next(anon, reader, twin, target):
    target = target.format(base=twin.base_url)
    data = {"email": reader.email, "password": reader.password}

    page = anon.submit(f"/login/?{urlencode({'next': target})}", "login-form", data)

    assert page.status == 302
    assert page.location == target.removeprefix(twin.base_url)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "ftp://evil.example/",
    ],
)
def test_sign_in_ignores_an_unsafe_next(anon, reader, target):
    data = {"email": reader.email, "password": reader.password}

    page = anon.submit(f"/login/?{urlencode({'next': target})}", "login-form", data)

    assert page.status == 302
    assert page.location == "/"
    assert "evil" not in page.response.headers["Location"]


def test_sign_out_signs_the_user_out(account):
    page = account.browser.submit("/", "sign-out-form")

    assert page.status == 302
    assert page.location == "/"
    assert account.browser.get("/").has("nav-sign-in")
    assert account.browser.get("/settings/").status == 302


@pytest.mark.parametrize("path", ["/login/", "/register/"])
def test_signed_in_user_opening_sign_in_or_up_goes_home(reader, path):
    page = reader.browser.get(path)

    assert page.status == 302
    assert page.location == "/"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "with space"),
        ("username", "with/slash"),
        ("username", "dot.ted"),
        ("username", "x" * 41),
        ("username", ""),
        ("email", "not-an-email"),
        ("email", "@example.com"),
        ("email", "a" * 245 + "@example.com"),
        ("email", ""),
        ("password", "short12"),
        ("password", "p" * 129),
    ],
)
def test_sign_up_refuses_an_invalid_field(anon, twin, field, value):
    email = f"{unique()}@example.com"
    data = {"email": email, field: value}

    page = sign_up(anon, **data)

    assert page.status == 422
    assert page.error_fields() == {field}
    assert anon.get("/settings/").status == 302
    login = Browser(twin.base_url).submit(
        "/login/",
        "login-form",
        {"email": data["email"], "password": data.get("password", PASSWORD)},
    )
    assert login.status == 422


@pytest.mark.parametrize("length", [8, 128])
def test_sign_up_accepts_a_password_at_the_limits(twin, length):
    password = (unique("pw") * 10)[:length]
    account = register(twin.base_url, password=password)

    assert sign_in(twin.base_url, account.email, password).get("/settings/").status == 200


def test_sign_up_does_not_echo_the_password(anon):
    page = sign_up(anon, username="not valid", password="typed-secret-123")

    assert page.status == 422
    assert "typed-secret-123" not in page.response.text


def test_sign_up_accepts_the_longest_username_of_allowed_characters(anon):
    username = f"Ab_-{unique()}".ljust(40, "z")

    assert sign_up(anon, username=username).status == 302
    assert anon.get(f"/profile/{username}/").text("profile-username") == username
