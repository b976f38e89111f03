"""Blog pages through the test client. Twin: django_impl/blog/tests/test_views.py."""

from sqlalchemy import func, select

from flask_impl.blog.models import Article, Comment, Tag, article_favorites, article_tags
from flask_impl.extensions import db
from flask_impl.tests.factories import make_article, make_user

ARTICLE = {"title": "Hello, World!", "description": "A first post.", "body": "Hi.", "tags": ""}


def count(app, what) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(what))


def test_anonymous_editor_redirects_to_sign_in(client):
    response = client.get("/editor/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/login/?next=%2Feditor%2F"


def test_publishing_redirects_to_the_article_under_its_slug(app, client, auth):
    with app.app_context():
        make_user("alice")
    auth.login("alice")

    response = client.post_form("/editor/", {**ARTICLE, "tags": "Python, flask python"})

    assert response.status_code == 302
    assert response.headers["Location"] == "/article/hello-world/"
    page = client.get("/article/hello-world/").text
    assert page.index(">flask</li>") < page.index(">python</li>")


def test_a_taken_slug_gets_six_hex_digits(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Hello, World!")
    auth.login("alice")

    response = client.post_form("/editor/", ARTICLE)

    slug = response.headers["Location"].split("/")[2]
    assert slug.startswith("hello-world-")
    assert len(slug) == len("hello-world-") + 6


def test_invalid_article_answers_422_and_saves_nothing(app, client, auth):
    with app.app_context():
        make_user("alice")
    auth.login("alice")

    response = client.post_form("/editor/", {**ARTICLE, "tags": "c++"})

    assert response.status_code == 422
    assert 'data-field="tags"' in response.text
    assert count(app, Article) == 0


def test_only_the_author_may_edit(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Mine")
        make_user("bob")
    auth.login("bob")

    assert client.get("/editor/mine/").status_code == 403
    assert client.post_form("/editor/mine/", {**ARTICLE, "title": "Theirs"}).status_code == 403


def test_deleting_an_article_removes_its_comments_tag_links_and_favorites(app, client, auth):
    with app.app_context():
        alice = make_user("alice")
        make_article(alice, "Doomed", tags=["python"], favorited_by=[alice], comments=2)
    auth.login("alice")

    response = client.post_form("/article/doomed/delete/")

    assert response.status_code == 302
    tables = {"articles": Article, "comments": Comment, "tags": Tag}
    tables |= {"tag links": article_tags, "favorites": article_favorites}
    remaining = {name: count(app, table) for name, table in tables.items()}
    assert remaining == {"articles": 0, "comments": 0, "tags": 1, "tag links": 0, "favorites": 0}


def test_opening_delete_asks_for_confirmation_and_keeps_the_article(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Kept")
    auth.login("alice")

    response = client.get("/article/kept/delete/")

    assert response.status_code == 200
    assert 'data-testid="delete-article-form"' in response.text
    assert count(app, Article) == 1


def test_confirmed_delete_says_so_on_the_next_page(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Gone")
    auth.login("alice")

    response = client.post_form("/article/gone/delete/")

    assert response.headers["Location"] == "/"
    assert '<li data-testid="message">Article deleted.</li>' in client.get("/").text


def test_comment_without_csrf_token_is_refused_and_saves_nothing(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Quiet")
    auth.login("alice")

    response = client.post("/article/quiet/comments/", data={"body": "no token"})

    assert response.status_code == 400
    assert count(app, Comment) == 0


def test_empty_comment_answers_422_on_the_article_page(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Quiet")
    auth.login("alice")

    response = client.post_form("/article/quiet/comments/", {"body": "  "})

    assert response.status_code == 422
    assert 'data-testid="article-title"' in response.text
    assert 'data-field="body"' in response.text


def test_raw_html_in_a_body_is_shown_as_text(app, client):
    with app.app_context():
        article = make_article(make_user("alice"), "Markup")
        article.body = "<script>alert(1)</script> [x](javascript:alert(1)) *fine*"
        db.session.commit()

    page = client.get("/article/markup/").text

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page
    assert "<em>fine</em>" in page


def test_page_one_of_nothing_is_200_and_a_page_past_the_end_is_404(client):
    assert client.get("/").status_code == 200
    assert client.get("/?page=2").status_code == 404
    assert client.get("/?page=zero").status_code == 404


def test_links_back_to_the_article_keep_the_mount_point(app, client, auth):
    with app.app_context():
        make_article(make_user("alice"), "Hello, World!")
        make_user("bob")
    mounted = {"base_url": "http://localhost/mount"}  # SCRIPT_NAME=/mount

    anonymous = client.get("/article/hello-world/", **mounted).text
    auth.login("bob")
    signed_in = client.get("/article/hello-world/", **mounted).text

    assert 'href="/mount/login/?next=/mount/article/hello-world/"' in anonymous
    assert 'name="next" value="/mount/article/hello-world/"' in signed_in
