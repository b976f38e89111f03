"""A new email or password on the settings page needs the account's current password."""

import pytest

from tests.support.browser import Browser, visible_fields
from tests.support.factories import change_settings, unique

NEW_PASSWORD = "another-horse-battery"


def settings_values(browser: Browser) -> dict[str, str]:
    return visible_fields(browser.get("/settings/").one("settings-form"))


def signs_in(base_url: str, email: str, password: str) -> bool:
    page = Browser(base_url).submit("/login/", "login-form", {"email": email, "password": password})
    return page.status == 302


@pytest.mark.parametrize("current_password", ["", "not-the-password", "\x00"])
@pytest.mark.parametrize("change", ["email", "password", "both"])
def test_new_email_or_password_without_the_current_password_is_refused(
    twin, account, change, current_password
):
    new_email = f"{unique()}@example.com"
    fields = {
        "email": {"email": new_email},
        "password": {"password": NEW_PASSWORD},
        "both": {"email": new_email, "password": NEW_PASSWORD},
    }[change]
    before = settings_values(account.browser)

    page = change_settings(account.browser, current_password=current_password, **fields)

    assert page.status == 422
    assert page.error_fields() == {"current_password"}
    assert settings_values(account.browser) == before
    assert signs_in(twin.base_url, account.email, account.password)
    assert not signs_in(twin.base_url, new_email, account.password)
    assert not signs_in(twin.base_url, account.email, NEW_PASSWORD)


def test_the_refusal_names_what_is_missing(account):
    blank = change_settings(account.browser, password=NEW_PASSWORD)
    wrong = change_settings(account.browser, password=NEW_PASSWORD, current_password="wrong-one")

    assert blank.one("form-error").get_text(" ", strip=True) == (
        "Current password: Enter your current password to change your email or password."
    )
    assert wrong.one("form-error").get_text(" ", strip=True) == (
        "Current password: That is not your current password."
    )


def test_the_current_password_is_never_echoed(account):
    page = change_settings(account.browser, email="x@example.com", current_password="typed-x-12")

    assert page.status == 422
    assert "typed-x-12" not in page.response.text


def test_profile_fields_change_without_the_current_password(account):
    page = change_settings(account.browser, bio="No password needed.", username=unique("r"))

    assert page.status == 302
    assert settings_values(account.browser)["bio"].strip() == "No password needed."


def test_the_same_email_in_another_case_is_no_change(account):
    page = change_settings(account.browser, email=account.email.upper())

    assert page.status == 302
    assert settings_values(account.browser)["email"] == account.email


def test_with_the_current_password_both_change(twin, account):
    new_email = f"{unique()}@example.com"

    page = change_settings(
        account.browser, email=new_email, password=NEW_PASSWORD, current_password=account.password
    )

    assert page.status == 302
    assert signs_in(twin.base_url, new_email, NEW_PASSWORD)
    assert not signs_in(twin.base_url, account.email, account.password)
