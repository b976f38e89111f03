"""The words of the pages as pages.md fixes them: titles, form labels, help texts, errors."""

import pytest
from bs4 import Tag

from tests.support.factories import register, unique

USERNAME_HELP = "Letters, digits, _ and -; at most 40 characters."
# Each form's visible fields in order: (name, label, help text or None).
FORMS = {
    "register-form": [
        ("username", "Username", USERNAME_HELP),
        ("email", "Email", None),
        ("password", "Password", "8 to 128 characters."),
    ],
    "login-form": [("email", "Email", None), ("password", "Password", None)],
    "settings-form": [
        ("image", "Profile picture URL", "An http or https address; blank for none."),
        ("username", "Username", USERNAME_HELP),
        ("bio", "Bio", "At most 1,000 characters."),
        ("email", "Email", None),
        ("password", "New password", "8 to 128 characters; blank keeps your password."),
        ("current_password", "Current password", "Needed to change your email or password."),
    ],
    "article-form": [
        ("title", "Title", None),
        ("description", "Description", "What's this article about?"),
        ("body", "Body", "Written in Markdown."),
        ("tags", "Tags", "Separated by spaces or commas; at most 10."),
    ],
    "comment-form": [("body", "Comment", None)],
}
FORM_PAGES = [
    ("/register/", "register-form"),
    ("/login/", "login-form"),
    ("/settings/", "settings-form"),
    ("/editor/", "article-form"),
    ("/editor/{slug}/", "article-form"),
    ("/article/{slug}/", "comment-form"),
]
SIGNED_OUT_PAGES = {"/register/", "/login/"}
# A submission refused on every field it names, and the fields whose errors it shows, in order.
REFUSED = {
    "register-form": {"username": "", "email": "not-an-email", "password": "short"},
    "settings-form": {"image": "ftp://x", "username": "a b", "email": "x", "password": "short"},
    "article-form": {"title": "", "description": "", "body": "", "tags": "BAD!"},
    "comment-form": {"body": ""},
}


def field_words(form: Tag) -> list[tuple[str, str, str | None]]:
    """Each visible field of a form: its name, its label's text and the text it is described by."""
    words = []
    for control in form.select("input[name], textarea[name], select[name]"):
        if control.get("type") in {"hidden", "submit"}:
            continue
        label = form.select_one(f'label[for="{control["id"]}"]')
        described = [form.find(id=ref) for ref in control.get("aria-describedby", "").split()]
        help_texts = [element.get_text(" ", strip=True) for element in described if element]
        words.append(
            (
                control["name"],
                label.get_text(" ", strip=True),
                help_texts[0] if help_texts else None,
            )
        )
    return words


def browser_for(path: str, anon, author):
    return anon if path in SIGNED_OUT_PAGES else author.browser


@pytest.mark.parametrize(("path", "testid"), FORM_PAGES)
def test_form_fields_have_their_labels_and_help_texts(anon, published, path, testid):
    browser = browser_for(path, anon, published.author)

    page = browser.get(path.format(slug=published.slug))

    assert page.status == 200
    assert field_words(page.one(testid)) == FORMS[testid]


@pytest.mark.parametrize(("path", "testid"), [item for item in FORM_PAGES if item[1] in REFUSED])
def test_errors_come_in_field_order_each_named_by_its_label(anon, published, path, testid):
    path = path.format(slug=published.slug)
    browser = browser_for(path, anon, published.author)
    labels = {name: label for name, label, _ in FORMS[testid]}

    page = browser.submit(path, testid, REFUSED[testid])

    assert page.status == 422
    errors = page.all("form-error", page.one(testid))
    fields = [error["data-field"] for error in errors]
    assert list(dict.fromkeys(fields)) == [name for name in labels if name in REFUSED[testid]]
    for error in errors:
        assert error.get_text(" ", strip=True).startswith(f"{labels[error['data-field']]}: ")


def test_a_form_wide_error_names_no_field(anon, reader):
    data = {"email": reader.email, "password": "wrong-password"}

    page = anon.submit("/login/", "login-form", data)

    assert page.status == 422
    (error,) = page.all("form-error")
    assert not error.has_attr("data-field")
    assert error.get_text(" ", strip=True) == "That email and password do not match an account."


def test_a_required_field_left_empty_says_so(account):
    data = {"title": "", "description": "About.", "body": "Body."}

    page = account.browser.submit("/editor/", "article-form", data)

    assert page.status == 422
    assert page.texts("form-error") == ["Title: This field is required."]


def test_a_taken_username_and_email_say_so(anon, reader):
    data = {"username": reader.username.upper(), "email": reader.email, "password": "long-enough"}

    page = anon.submit("/register/", "register-form", data)

    assert page.status == 422
    assert page.texts("form-error") == [
        "Username: This username is taken.",
        "Email: This email is taken.",
    ]


def page_titles(published) -> dict[str, str]:
    author = published.author.username
    return {
        "/": "Home · Conduit",
        "/feed/": "Your feed · Conduit",
        "/tag/{tag}/": "#{tag} · Conduit",
        "/article/{slug}/": "{title} · Conduit",
        "/editor/": "New article · Conduit",
        "/editor/{slug}/": "Edit article · Conduit",
        "/article/{slug}/delete/": "Delete article · Conduit",
        f"/article/{{slug}}/comments/{published.comment_id}/delete/": "Delete comment · Conduit",
        f"/profile/{author}/": f"{author} · Conduit",
        f"/profile/{author}/favorites/": f"Favorited by {author} · Conduit",
        "/settings/": "Settings · Conduit",
        "/article/missing-{tag}/": "Not found · Conduit",
    }


def test_every_page_has_its_own_title(anon, published):
    article = anon.get(f"/article/{published.slug}/")
    words = {
        "slug": published.slug,
        "title": article.text("article-title"),
        "tag": article.texts("article-tag")[0],
    }

    titles = {}
    for path, expected in page_titles(published).items():
        page = published.author.browser.get(path.format(**words))
        titles[path] = (page.soup.title.get_text(strip=True), expected.format(**words))

    assert {path: shown for path, (shown, _) in titles.items()} == {
        path: expected for path, (_, expected) in titles.items()
    }


@pytest.mark.parametrize(
    ("path", "title"), [("/login/", "Sign in · Conduit"), ("/register/", "Sign up · Conduit")]
)
def test_signed_out_pages_have_their_own_title(anon, path, title):
    assert anon.get(path).soup.title.get_text(strip=True) == title


def test_forbidden_page_has_its_own_title(published):
    other = register(published.author.browser.base_url)

    page = other.browser.get(f"/editor/{published.slug}/")

    assert page.status == 403
    assert page.soup.title.get_text(strip=True) == "Forbidden · Conduit"


def test_tag_page_title_names_the_tag(anon):
    tag = unique("t")

    assert anon.get(f"/tag/{tag}/").soup.title.get_text(strip=True) == f"#{tag} · Conduit"
