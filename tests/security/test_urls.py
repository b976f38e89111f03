"""Malformed profile-picture URLs are refused on the settings page and by the API, and not saved.

Each is an http or https address that a browser would not fetch as typed: quotes, spaces or
markup in the host, an empty or broken host, white space in the path.
"""

import pytest

from tests.support.api import Api, register_user
from tests.support.browser import visible_fields
from tests.support.factories import change_settings

MALFORMED = [
    'https://img"x.example/a.png',
    "https://img'x.example/a.png",
    "https://img x.example/a.png",
    "https://<b>.example/a.png",
    "https://img.example<script>/a.png",
    "https://%3Cb%3E.example/a.png",
    "https://img.example/a b.png",
    "https://img.example/a\tb.png",
    "https://img.example/a\nb.png",
    "https://user:pa ss@img.example/a.png",
    "http://",
    "https:/img.example/a.png",
    "https://.example/a.png",
    "https://img..example/a.png",
    "https://-bad-.example/a.png",
    "https://exa_mple.example/a.png",
    "http://[::1/a.png",
]
WELL_FORMED = [
    "https://img.example/me.png",
    "http://img.example/a.png?v2",
    "https://xn--bcher-kva.example/a%20b.png",
    "https://static.productionready.io/images/smiley-cyrus.jpg",
]


@pytest.mark.parametrize("image", MALFORMED)
def test_the_settings_page_refuses_a_malformed_image_url(account, image):
    change_settings(account.browser, image="https://img.example/before.png")

    page = change_settings(account.browser, image=image)

    assert page.status == 422
    assert page.error_fields() == {"image"}
    settings = visible_fields(account.browser.get("/settings/").one("settings-form"))
    assert settings["image"] == "https://img.example/before.png"


@pytest.fixture(scope="module")
def api_user(twin):
    return register_user(twin.base_url)


@pytest.mark.parametrize("image", MALFORMED)
def test_the_api_refuses_a_malformed_image_url(twin, api_user, image):
    reply = api_user.api.put("/user", json={"user": {"image": image, "bio": "Not saved."}})

    assert reply.status == 422
    assert set(reply.errors) == {"image"}
    profile = Api(twin.base_url).get(f"/profiles/{api_user.username}").body["profile"]
    assert (profile["image"], profile["bio"]) == (None, None)


@pytest.mark.parametrize("image", WELL_FORMED)
def test_well_formed_image_urls_are_kept_as_typed(anon, account, image):
    page = change_settings(account.browser, image=image)

    assert page.status == 302
    profile = anon.get(f"/profile/{account.username}/")
    assert profile.one("profile-image")["src"] == image
