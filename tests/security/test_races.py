"""Races: requests sent at one instant keep the unique rules, and a lost race is a clean answer.

Sign-ups with one username (or one in other cases) leave one user and refuse the others as the
form's "taken" error (422) or the API's 409; article creates with one title all succeed with
slugs of their own; creates with one new tag all succeed and share one tag row. Never a 5xx.
"""

import pytest

from tests.support.api import Api, article_fields, register_user
from tests.support.browser import Browser, hidden_fields
from tests.support.factories import PASSWORD, Account, unique
from tests.support.races import MAX_PARALLEL, at_once, stored_slugs_titled, stored_where_lower

SIGN_UPS = 6
ROUNDS = 3  # each round a new race: only the creates the workers take first can all miss the row
TAKEN = ["has already been taken"]


def cased(name: str, count: int) -> list[str]:
    """The name in `count` spellings that differ only in case: `Name`, `nAme`, `naMe`, ..."""
    return [name[:i] + name[i].upper() + name[i + 1 :] for i in range(count)]


def usernames(kind: str) -> list[str]:
    name = unique("race")
    return [name] * SIGN_UPS if kind == "same" else cased(name, SIGN_UPS)


def page_sign_up(twin, username: str):
    """A visitor with the sign-up form open, ready to send it."""
    browser = Browser(twin.base_url)
    page, form = browser.form("/register/", "register-form")
    fields = {
        **hidden_fields(form),
        "username": username,
        "email": f"{unique('e')}@example.com",
        "password": PASSWORD,
    }
    return lambda: browser.submit_form(page, form, fields)


def signed_in_copy(twin, account: Account) -> Browser:
    """Another browser with the account's cookies: the same user, a connection of its own."""
    browser = Browser(twin.base_url)
    browser.session.cookies.update(account.browser.session.cookies)
    return browser


def editor_submit(twin, account: Account, **fields: str):
    browser = signed_in_copy(twin, account)
    page, form = browser.form("/editor/", "article-form")
    data = {"description": "A short description.", "body": "A body.", "tags": "", **fields}
    return lambda: browser.submit_form(page, form, data)


def api_create(api: Api, **fields):
    return lambda: api.post("/articles", json={"article": article_fields(**fields)})


@pytest.mark.parametrize("round_", range(ROUNDS))
@pytest.mark.parametrize("kind", ["same", "cased"])
def test_page_sign_ups_with_one_username_leave_one_user(twin, kind, round_):
    names = usernames(kind)
    pages = at_once([page_sign_up(twin, name) for name in names])
    statuses = [page.status for page in pages]
    assert sorted(statuses) == [302] + [422] * (SIGN_UPS - 1), statuses
    for page in pages:
        if page.status == 422:
            assert page.error_fields() == {"username"}
            assert page.texts("form-error") == ["Username: This username is taken."]
    winner = names[statuses.index(302)]
    assert stored_where_lower(twin, "user", "username", names[0]) == [winner]


@pytest.mark.parametrize("round_", range(ROUNDS))
@pytest.mark.parametrize("kind", ["same", "cased"])
def test_api_sign_ups_with_one_username_leave_one_user(twin, kind, round_):
    names = usernames(kind)
    api = Api(twin.base_url)
    calls = [
        lambda name=name: api.post(
            "/users",
            json={"user": {"username": name, "email": f"{unique('e')}@example.com",
                           "password": PASSWORD}},
        )
        for name in names
    ]  # fmt: skip
    replies = at_once(calls)
    statuses = [reply.status for reply in replies]
    assert sorted(statuses) == [201] + [409] * (SIGN_UPS - 1), statuses
    for reply in replies:
        if reply.status == 409:
            assert reply.errors == {"username": TAKEN}
    winner = names[statuses.index(201)]
    assert stored_where_lower(twin, "user", "username", names[0]) == [winner]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_page_creates_with_one_title_get_slugs_of_their_own(twin, account, round_):
    title = f"Race {unique()}"
    pages = at_once([editor_submit(twin, account, title=title) for _ in range(MAX_PARALLEL)])
    assert [page.status for page in pages] == [302] * MAX_PARALLEL
    slugs = {page.location.rstrip("/").rsplit("/", 1)[-1] for page in pages}
    assert len(slugs) == MAX_PARALLEL
    assert stored_slugs_titled(twin, title) == sorted(slugs)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_api_creates_with_one_title_get_slugs_of_their_own(twin, round_):
    user, title = register_user(twin.base_url), f"Race {unique()}"
    replies = at_once([api_create(user.api, title=title) for _ in range(MAX_PARALLEL)])
    assert [reply.status for reply in replies] == [201] * MAX_PARALLEL, replies
    slugs = {reply.body["article"]["slug"] for reply in replies}
    assert len(slugs) == MAX_PARALLEL
    assert stored_slugs_titled(twin, title) == sorted(slugs)


def tagged_count(twin, tag: str) -> int:
    listed = Api(twin.base_url).get("/articles", params={"tag": tag, "limit": 100})
    return listed.body["articlesCount"]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_page_creates_with_one_new_tag_share_one_tag(twin, account, round_):
    tag = unique("race")
    calls = [editor_submit(twin, account, title=unique("T"), tags=tag) for _ in range(MAX_PARALLEL)]
    pages = at_once(calls)
    assert [page.status for page in pages] == [302] * MAX_PARALLEL
    assert stored_where_lower(twin, "tag", "name", tag) == [tag]
    assert tagged_count(twin, tag) == MAX_PARALLEL


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_api_creates_with_one_new_tag_share_one_tag(twin, round_):
    user, tag = register_user(twin.base_url), unique("race")
    replies = at_once([api_create(user.api, tagList=[tag]) for _ in range(MAX_PARALLEL)])
    assert [reply.status for reply in replies] == [201] * MAX_PARALLEL, replies
    assert all(reply.body["article"]["tagList"] == [tag] for reply in replies)
    assert stored_where_lower(twin, "tag", "name", tag) == [tag]
    assert tagged_count(twin, tag) == MAX_PARALLEL
