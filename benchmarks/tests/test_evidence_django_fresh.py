"""The django_fresh experiment's readers: cookies, check reports, hashes, forms, lines and XML."""

import base64
import json
import random
import string
import zlib

import pytest

from benchmarks.evidence.experiments._django_fresh_readings import (
    added_lines,
    code_lines,
    cookie_attributes,
    cookie_payload,
    csrf_token,
    deploy_check_ids,
    feed_items,
    password_hash_parts,
    sitemap_urls,
)

SESSION_KEY_ALPHABET = string.ascii_lowercase + string.digits  # Django's session key characters
DATA = {"_auth_user_id": "1", "cart": {"3": 2}}


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_opaque_session_keys_reveal_nothing():
    rng = random.Random(5)
    keys = ["".join(rng.choices(SESSION_KEY_ALPHABET, k=32)) for _ in range(2000)]
    assert [key for key in keys if cookie_payload(key) is not None] == []


def test_django_signed_cookie_is_read_without_its_key():
    value = f"{b64(json.dumps(DATA).encode())}:1tZ3Qx:Hq0Yb2qk5m3c1uVJ4l0dJw1P2bQ"
    assert cookie_payload(value) == DATA


def test_compressed_signed_cookie_is_inflated_and_read():
    value = f".{b64(zlib.compress(json.dumps(DATA).encode()))}:1tZ3Qx:Hq0Yb2qk5m3c1uVJ4l0dJw"
    assert cookie_payload(value) == DATA


def test_a_value_decoding_to_a_bare_number_is_not_session_data():
    assert cookie_payload(b64(b"12345")) is None


def test_flask_session_cookie_is_read_without_its_key():
    value = f"{b64(json.dumps(DATA, separators=(',', ':')).encode())}.Z1x2Yw.c2lnbmF0dXJlLWJ5dGVz"
    assert cookie_payload(value) == DATA


def test_session_cookie_flags_are_read_from_set_cookie():
    header = ("sessionid=0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p; expires=Fri, 18 Dec 2026 01:00:00 GMT; "
              "HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax")  # fmt: skip
    assert cookie_attributes(header) == {
        "name": "sessionid",
        "value": "0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p",
        "samesite": "Lax",
        "httponly": True,
        "secure": False,
    }


def test_cookie_without_samesite_or_httponly_reads_as_absent():
    attributes = cookie_attributes("session=abc; Path=/; Secure")
    assert (attributes["samesite"], attributes["httponly"], attributes["secure"]) == (
        None,
        False,
        True,
    )


DEPLOY_REPORT = """System check identified some issues:

ERRORS:
?: (security.E100) DEFAULT_HASHING_ALGORITHM must be 'sha1' or 'sha256'.

WARNINGS:
?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting. If your
entire site is served only over SSL (security.W999) is only mentioned here.
?: (security.W018) You should not have DEBUG set to True in deployment.
notes.Note: (models.W042) Auto-created primary key used when not defining a primary key type.

System check identified 4 issues (0 silenced).
"""


def test_deploy_check_ids_are_listed_in_order_errors_included():
    assert deploy_check_ids(DEPLOY_REPORT) == [
        "security.E100",
        "security.W004",
        "security.W018",
        "models.W042",
    ]


def test_clean_check_report_has_no_ids():
    assert deploy_check_ids("System check identified no issues (0 silenced).\n") == []


@pytest.mark.parametrize(
    ("encoded", "parts"),
    [
        ("pbkdf2_sha256$1000000$Wq3b$kP0v3Hc8y2E=", ("pbkdf2_sha256", 1000000)),
        ("argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA", ("argon2", None)),
        ("scrypt$16384$c2FsdA$8$1$aGFzaA==", ("scrypt", None)),
        ("md5$123456$aGFzaA", ("md5", None)),
    ],
)
def test_password_hash_gives_algorithm_and_iterations(encoded, parts):
    assert password_hash_parts(encoded) == parts


def test_csrf_token_is_read_from_the_form():
    html = '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="Tok3n">'
    assert csrf_token(html) == "Tok3n"


def test_page_without_a_csrf_input_is_an_error():
    with pytest.raises(ValueError, match="csrfmiddlewaretoken"):
        csrf_token("<form method='post'></form>")


STARTAPP_ADMIN = "from django.contrib import admin\n\n# Register your models here.\n"
REGISTERED_ADMIN = (
    "from django.contrib import admin\n\nfrom .models import Note\n\nadmin.site.register(Note)\n"
)


def test_registering_a_model_adds_two_lines():
    assert added_lines(STARTAPP_ADMIN, REGISTERED_ADMIN) == 2


def test_code_lines_leave_out_docstring_comments_and_blanks():
    source = (
        '"""A module\nwith a long docstring."""\n\n# a comment\nimport os\n\nX = os.sep  # why\n'
    )
    assert code_lines(source) == 2


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>http://127.0.0.1/search/?q=1</loc></url><url><loc>http://127.0.0.1/search/?q=2</loc></url>
</urlset>"""
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title>Notes</title>
<link>http://127.0.0.1/feed/</link><item><title>alpha</title></item></channel></rss>"""


def test_sitemap_urls_are_counted():
    assert sitemap_urls(SITEMAP) == 2


def test_feed_items_are_counted():
    assert feed_items(FEED) == 1


def test_an_empty_feed_has_no_items():
    assert feed_items('<rss version="2.0"><channel><title>Notes</title></channel></rss>') == 0
