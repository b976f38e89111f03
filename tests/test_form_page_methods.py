"""Another method on a form page: who is turned away first (see differences.md)."""

import pytest

from tests.support.factories import csrf_header

ANONYMOUS_ON_A_PAGE_NEEDING_A_USER = [("PUT", "/editor/"), ("DELETE", "/settings/")]
SIGNED_IN_ON_A_SIGNED_OUT_PAGE = [("PUT", "/login/"), ("PATCH", "/register/")]


@pytest.mark.parametrize(("method", "path"), ANONYMOUS_ON_A_PAGE_NEEDING_A_USER)
def test_anonymous_other_method_is_sent_to_sign_in_or_refused(anon, method, path):
    page = anon.request(method, path, headers=csrf_header(anon))

    assert page.status in {302, 405}
    if page.status == 302:
        assert page.redirect_path == "/login/"
        assert page.next_param == path


@pytest.mark.parametrize(("method", "path"), SIGNED_IN_ON_A_SIGNED_OUT_PAGE)
def test_signed_in_other_method_is_sent_home_or_refused(reader, method, path):
    browser = reader.browser

    page = browser.request(method, path, headers=csrf_header(browser))

    assert page.status in {302, 405}
    if page.status == 302:
        assert page.location == "/"
    assert browser.get("/settings/").status == 200
