"""Feeds, articles, comments, favorites, profiles. Twin: django_impl/blog/views.py."""

from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import Select, select
from sqlalchemy.orm import defer

from flask_impl.accounts.models import User
from flask_impl.accounts.services import is_following
from flask_impl.blog import bp, events, queries, writes
from flask_impl.blog.forms import ArticleForm, CommentForm
from flask_impl.blog.models import Article, Comment, Tag
from flask_impl.database import MAX_ID
from flask_impl.extensions import db
from flask_impl.helpers import form_status, redirect_to_next

PAGE_SIZE = 10
MAX_PAGE = MAX_ID // PAGE_SIZE  # no list is longer; a larger page's OFFSET overflows the database
PLAIN_TEXT = {"Content-Type": "text/plain; charset=utf-8"}


def paginate(query: Select):
    """Ten previews a page; a bad or too large ?page is a 404 (Flask-SQLAlchemy's own rule).

    Previews never show the body, so it is not loaded (nor sorted along), as in the API's lists.
    """
    if request.args.get("page", 1, type=int) > MAX_PAGE:
        abort(404)
    previews = query.options(defer(Article.body, raiseload=True))
    return db.paginate(previews, per_page=PAGE_SIZE, error_out=True)


@bp.get("/")
def home():
    return render_template(
        "blog/home.html",
        page=paginate(queries.previews()),
        tab="global",
        popular_tags=queries.popular_tags(),
    )


@bp.get("/feed/")
@login_required
def your_feed():
    return render_template(
        "blog/home.html", page=paginate(queries.followed_feed(current_user)), tab="yours"
    )


@bp.get("/tag/<tag>/")
def tag_feed(tag: str):
    return render_template(
        "blog/home.html",
        page=paginate(queries.previews().where(Article.tags.any(Tag.name == tag))),
        tab="tag",
        tag=tag,
        popular_tags=queries.popular_tags(),
    )


def render_profile(username: str, tab: str):
    profile = db.one_or_404(select(User).where(User.username == username))
    if tab == "articles":
        query = queries.previews().where(Article.author_id == profile.id)
    else:
        query = queries.favorites_of(profile)
    return render_template(
        "blog/profile.html",
        profile=profile,
        following=is_following(current_user, profile),
        page=paginate(query),
        tab=tab,
    )


@bp.get("/profile/<username>/")
def profile(username: str):
    return render_profile(username, "articles")


@bp.get("/profile/<username>/favorites/")
def profile_favorites(username: str):
    return render_profile(username, "favorites")


def render_article(article: Article, comment_form: CommentForm | None = None):
    """The article page, for its own view and, with status 422, for a rejected comment."""
    comment_form = comment_form or CommentForm()
    return render_template(
        "blog/article_detail.html",
        article=article,
        comment_form=comment_form,
        favorited=queries.is_favorited(current_user, article),
        following=is_following(current_user, article.author),
    ), form_status(comment_form)


@bp.get("/article/<slug>/")
def article_detail(slug: str):
    return render_article(db.one_or_404(queries.article_page(slug)))


@bp.route("/editor/", methods=["GET", "POST"])
@login_required
def article_create():
    form = ArticleForm()
    if form.validate_on_submit():
        article = writes.create_article(
            current_user,
            title=form.title.data,
            description=form.description.data,
            body=form.body.data,
            tags=form.tags.data,
        )
        db.session.commit()
        return redirect(url_for("blog.article_detail", slug=article.slug))
    return render_template("blog/article_form.html", form=form), form_status(form)


def authored_article_or_403(slug: str) -> Article:
    article = db.one_or_404(select(Article).where(Article.slug == slug))
    if article.author_id != current_user.id:
        abort(403)
    return article


@bp.route("/editor/<slug>/", methods=["GET", "POST"])
@login_required
def article_update(slug: str):
    article = authored_article_or_403(slug)
    form = ArticleForm(obj=article)
    if form.validate_on_submit():
        writes.update_article(
            article,
            title=form.title.data,
            description=form.description.data,
            body=form.body.data,
            tags=form.tags.data,
        )
        db.session.commit()
        return redirect(url_for("blog.article_detail", slug=article.slug))
    return render_template("blog/article_form.html", form=form, article=article), form_status(form)


@bp.route("/article/<slug>/delete/", methods=["GET", "POST"])
@login_required
def article_delete(slug: str):
    """GET asks for confirmation; POST (its CSRF token checked by CSRFProtect) deletes."""
    article = authored_article_or_403(slug)
    if request.method == "GET":
        return render_template("blog/article_confirm_delete.html", article=article)
    db.session.delete(article)
    db.session.commit()
    flash(_("Article deleted."))
    return redirect(url_for("blog.home"))


@bp.post("/article/<slug>/comments/")
@login_required
def comment_create(slug: str):
    article = db.one_or_404(select(Article).where(Article.slug == slug))
    form = CommentForm()
    if form.validate_on_submit():
        writes.add_comment(article, current_user, form.body.data)
        db.session.commit()
        return redirect(url_for("blog.article_detail", slug=slug))
    # Only a rejected comment needs the whole page, with its details and every comment.
    return render_article(db.session.scalars(queries.article_page(slug)).one(), form)


@bp.route("/article/<slug>/comments/<int:comment_id>/delete/", methods=["GET", "POST"])
@login_required
def comment_delete(slug: str, comment_id: int):
    """GET asks for confirmation; POST (its CSRF token checked by CSRFProtect) deletes."""
    if comment_id > MAX_ID:
        abort(404)
    comment = db.one_or_404(
        select(Comment).join(Comment.article).where(Comment.id == comment_id, Article.slug == slug)
    )
    if comment.author_id != current_user.id:
        abort(403)
    if request.method == "GET":
        return render_template("blog/comment_confirm_delete.html", comment=comment)
    db.session.delete(comment)
    db.session.commit()
    flash(_("Comment deleted."))
    return redirect(url_for("blog.article_detail", slug=slug))


@bp.post("/article/<slug>/favorite/")
@login_required
def favorite(slug: str):
    article = db.one_or_404(select(Article).where(Article.slug == slug))
    writes.favorite(current_user, article)
    db.session.commit()
    return redirect_to_next(url_for("blog.article_detail", slug=slug))


@bp.post("/article/<slug>/unfavorite/")
@login_required
def unfavorite(slug: str):
    article = db.one_or_404(select(Article).where(Article.slug == slug))
    writes.unfavorite(current_user, article)
    db.session.commit()
    return redirect_to_next(url_for("blog.article_detail", slug=slug))


@bp.get("/events/articles")
def article_events():
    """New articles as server-sent events for ?seconds= (an integer from 1 to 60, default 30)."""
    seconds = request.args.get("seconds", "30")
    if not (seconds.isascii() and seconds.isdigit() and 1 <= int(seconds) <= 60):
        return "seconds must be an integer from 1 to 60\n", 400, PLAIN_TEXT
    return Response(
        stream_with_context(events.stream(int(seconds))),
        content_type="text/event-stream",
        headers={"Cache-Control": "no-cache"},
    )
