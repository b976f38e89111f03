"""A session ends on the server: at sign-out, and for every other session at a password change."""

import copy

from tests.support.browser import Browser
from tests.support.factories import PASSWORD, change_settings, post_with_token, sign_in

NEW_PASSWORD = "another-horse-battery"


def copy_of(browser: Browser) -> Browser:
    """Another browser holding the same cookies, as a copied session cookie would be."""
    twin = Browser(browser.base_url)
    twin.session.cookies = copy.deepcopy(browser.session.cookies)
    return twin


def is_signed_in(browser: Browser) -> bool:
    return browser.get("/settings/").status == 200


def test_a_copied_session_cookie_is_refused_after_sign_out(account):
    copied = copy_of(account.browser)
    assert is_signed_in(copied)

    page = post_with_token(account.browser, "/logout/")

    assert page.status == 302
    assert not is_signed_in(account.browser)
    settings = copied.get("/settings/")
    assert settings.status == 302
    assert settings.redirect_path == "/login/"


def test_signing_out_leaves_the_account_able_to_sign_in_again(twin, account):
    post_with_token(account.browser, "/logout/")

    again = sign_in(twin.base_url, account.email, account.password)

    assert is_signed_in(again)
    assert again.get("/settings/").one("settings-form")


def test_a_password_change_ends_every_other_session(twin, account):
    elsewhere = sign_in(twin.base_url, account.email, PASSWORD)
    copied = copy_of(account.browser)
    assert is_signed_in(elsewhere)
    assert is_signed_in(copied)

    page = change_settings(account.browser, password=NEW_PASSWORD, current_password=PASSWORD)

    assert page.status == 302
    assert is_signed_in(account.browser)
    assert not is_signed_in(elsewhere)
    assert not is_signed_in(copied)
    assert is_signed_in(sign_in(twin.base_url, account.email, NEW_PASSWORD))


def test_a_settings_change_without_a_password_keeps_other_sessions(twin, account):
    elsewhere = sign_in(twin.base_url, account.email, PASSWORD)

    page = change_settings(account.browser, bio="Still here.")

    assert page.status == 302
    assert is_signed_in(elsewhere)
    assert elsewhere.get("/settings/").one("settings-form")
