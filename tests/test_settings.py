"""Settings: the pre-filled form, changing profile fields, email and password, and refusals."""

import pytest

from tests.support.browser import Browser, visible_fields
from tests.support.factories import Account, change_settings, register, unique, write_article

NEW_PASSWORD = "another-horse-battery"


def settings_values(browser: Browser) -> dict[str, str]:
    return visible_fields(browser.get("/settings/").one("settings-form"))


def signs_in(base_url: str, email: str, password: str) -> bool:
    page = Browser(base_url).submit("/login/", "login-form", {"email": email, "password": password})
    return page.status == 302


@pytest.fixture(scope="module")
def settled(twin) -> Account:
    """A user whose settings refused submissions must leave as they are."""
    return register(twin.base_url)


def test_settings_form_is_prefilled_without_the_password(account):
    change_settings(account.browser, bio="About me.", image="https://img.example/me.png")

    values = settings_values(account.browser)

    assert values["username"] == account.username
    assert values["email"] == account.email
    assert values["bio"].strip() == "About me."
    assert values["image"] == "https://img.example/me.png"
    assert values["password"] == ""


def test_saving_settings_unchanged_keeps_everything(twin, account):
    before = settings_values(account.browser)

    page = change_settings(account.browser)

    assert page.status == 302
    assert page.location == "/settings/"
    assert settings_values(account.browser) == before
    assert signs_in(twin.base_url, account.email, account.password)


def test_bio_and_image_show_on_the_profile(anon, account):
    change_settings(account.browser, bio="Writes tests.", image="http://img.example/a.png")

    profile = anon.get(f"/profile/{account.username}/")

    assert profile.text("profile-bio") == "Writes tests."
    assert profile.one("profile-image").name == "img"
    assert profile.one("profile-image")["src"] == "http://img.example/a.png"


def test_emptied_bio_and_image_disappear_from_the_profile(anon, account):
    change_settings(account.browser, bio="Soon gone.", image="https://img.example/b.png")

    page = change_settings(account.browser, bio="", image="")

    assert page.status == 302
    profile = anon.get(f"/profile/{account.username}/")
    assert not profile.has("profile-bio")
    assert not profile.has("profile-image")


def test_bio_and_image_at_their_limits_are_accepted(anon, account):
    image = "https://img.example/" + "i" * 480

    page = change_settings(account.browser, bio="b" * 1000, image=image)

    assert page.status == 302
    profile = anon.get(f"/profile/{account.username}/")
    assert profile.text("profile-bio") == "b" * 1000
    assert profile.one("profile-image")["src"] == image


def test_refused_settings_do_not_echo_the_password(settled):
    page = change_settings(settled.browser, username="not valid", password="typed-secret-123")

    assert page.status == 422
    assert "typed-secret-123" not in page.response.text


def test_changing_username_moves_the_profile(anon, account):
    slug = write_article(account.browser)
    new_name = unique("renamed")

    page = change_settings(account.browser, username=new_name)

    assert page.status == 302
    assert anon.get(f"/profile/{account.username}/").status == 404
    assert anon.get(f"/profile/{new_name}/").text("profile-username") == new_name
    assert anon.get(f"/article/{slug}/").text("article-author") == new_name
    assert account.browser.get("/").text("nav-profile") == new_name


def test_changing_username_case_of_ones_own_name_is_allowed(anon, account):
    page = change_settings(account.browser, username=account.username.upper())

    assert page.status == 302
    assert anon.get(f"/profile/{account.username.upper()}/").status == 200


def test_changing_username_to_a_taken_one_is_refused(settled, reader):
    page = change_settings(settled.browser, username=reader.username.upper())

    assert page.status == 422
    assert page.error_fields() == {"username"}
    assert settings_values(settled.browser)["username"] == settled.username


def test_changing_email_changes_how_to_sign_in(twin, account):
    new_email = f"{unique()}@example.com"

    page = change_settings(
        account.browser, email=new_email.upper(), current_password=account.password
    )

    assert page.status == 302
    assert settings_values(account.browser)["email"] == new_email
    assert signs_in(twin.base_url, new_email, account.password)
    assert not signs_in(twin.base_url, account.email, account.password)


def test_changing_email_to_a_taken_one_is_refused(settled, reader):
    page = change_settings(settled.browser, email=reader.email, current_password=settled.password)

    assert page.status == 422
    assert page.error_fields() == {"email"}
    assert settings_values(settled.browser)["email"] == settled.email


def test_blank_password_keeps_the_old_one(twin, account):
    page = change_settings(account.browser, bio="Changed.", password="")

    assert page.status == 302
    assert signs_in(twin.base_url, account.email, account.password)


def test_new_password_keeps_the_user_signed_in(twin, account):
    page = change_settings(
        account.browser, password=NEW_PASSWORD, current_password=account.password
    )

    assert page.status == 302
    assert account.browser.get("/settings/").status == 200
    assert signs_in(twin.base_url, account.email, NEW_PASSWORD)
    assert not signs_in(twin.base_url, account.email, account.password)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("image", "javascript:alert(1)"),
        ("image", "ftp://img.example/a.png"),
        ("image", "not a url"),
        ("image", "https://img.example/" + "a" * 481),
        ("bio", "b" * 1001),
        ("username", "with space"),
        ("username", "with/slash"),
        ("username", "x" * 41),
        ("username", ""),
        ("email", "not-an-email"),
        ("email", ""),
        ("password", "short12"),
        ("password", "p" * 129),
    ],
)
def test_settings_refuse_an_invalid_field(twin, settled, field, value):
    before = settings_values(settled.browser)

    page = change_settings(settled.browser, **{field: value})

    assert page.status == 422
    assert page.error_fields() == {field}
    assert page.has("settings-form")
    assert settings_values(settled.browser) == before
    if field == "password":
        assert signs_in(twin.base_url, settled.email, settled.password)
