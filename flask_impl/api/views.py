"""The RealWorld Conduit API: users, profiles, articles, favorites, comments, tags.

Plain Flask views: validation.py reads the input, the blueprints' services do the work,
serializers.py shapes the answer. Twin: django_impl/api/views.py.
"""

from contextlib import suppress

from flask import Response, g, jsonify
from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import defer

from flask_impl.accounts import services as accounts
from flask_impl.accounts.models import User
from flask_impl.api import bp, validation
from flask_impl.api.auth import make_token, token_optional, token_required
from flask_impl.api.errors import forbidden, not_found, refusal
from flask_impl.api.serializers import article_json, comment_json, profile_json, user_json
from flask_impl.blog import services as blog
from flask_impl.blog.models import Article, Comment
from flask_impl.database import MAX_ID
from flask_impl.extensions import db


def user_response(user: User, status: int = 200) -> tuple[Response, int]:
    return jsonify(user=user_json(user, make_token(user))), status


@bp.post("/users")
def register():
    fields = validation.new_user()
    with validation.unique_account(fields["username"], fields["email"]):
        user = accounts.create_user(**fields)
    return user_response(user, 201)


@bp.post("/users/login")
def login():
    user = accounts.authenticate(**validation.credentials())
    if user is None:
        raise refusal(401, "credentials", "are invalid")
    return user_response(user)


@bp.get("/user")
@token_required
def get_user():
    return user_response(g.user)


@bp.put("/user")
@token_required
def update_user():
    changes, user = validation.user_changes(), g.user
    with validation.unique_account(changes.get("username"), changes.get("email"), exclude=user):
        accounts.update_settings(
            user,
            image=changes.get("image", user.image),
            username=changes.get("username", user.username),
            bio=changes.get("bio", user.bio),
            email=changes.get("email", user.email),
            password=changes.get("password", ""),
        )
    return user_response(user)


def profile_or_404(username: str) -> User:
    profile = None
    if validation.storable(username):
        profile = db.session.scalar(select(User).where(User.username == username))
    if profile is None:
        raise not_found("profile")
    return profile


@bp.get("/profiles/<username>")
@token_optional
def get_profile(username: str):
    profile = profile_or_404(username)
    following = g.user is not None and accounts.is_following(g.user, profile)
    return jsonify(profile=profile_json(profile, following))


@bp.post("/profiles/<username>/follow")
@token_required
def follow(username: str):
    profile = profile_or_404(username)
    try:
        accounts.follow(g.user, profile)
    except accounts.CannotFollowSelf:
        raise refusal(422, "profile", "cannot follow yourself") from None
    return jsonify(profile=profile_json(profile, True))


@bp.delete("/profiles/<username>/follow")
@token_required
def unfollow(username: str):
    profile = profile_or_404(username)
    with suppress(accounts.CannotFollowSelf):  # nobody follows themselves: nothing to undo
        accounts.unfollow(g.user, profile)
    return jsonify(profile=profile_json(profile, False))


def article_list(query: Select[tuple[Article]]) -> Response:
    """A page of previews (no bodies) with the number of all matches: a fixed number of queries
    whatever the limit (the count, the page with the reader's flags, the page's tags)."""
    limit, offset = validation.paging()
    count = db.session.scalar(blog.count_of(query))
    page = blog.with_reader_flags(query, g.user).options(defer(Article.body, raiseload=True))
    rows = db.session.execute(page.limit(limit).offset(offset)).all()
    articles = [article_json(*row, with_body=False) for row in rows]
    return jsonify(articles=articles, articlesCount=count)


@bp.get("/articles")
@token_optional
def list_articles():
    return article_list(blog.filtered_feed(**validation.list_filters()))


@bp.get("/articles/feed")
@token_required
def feed():
    return article_list(blog.followed_feed(g.user))


def article_or_404(slug: str) -> Article:
    article = None
    if validation.storable(slug):
        article = db.session.scalar(select(Article).where(Article.slug == slug))
    if article is None:
        raise not_found("article")
    return article


def own_article(slug: str) -> Article:
    article = article_or_404(slug)
    if article.author_id != g.user.id:
        raise forbidden("article")
    return article


def as_the_reader_sees(condition: ColumnElement[bool]) -> Select:
    """Rows of (article, favorited, following) with the author joined and the tags loaded."""
    return blog.with_reader_flags(blog.previews().where(condition), g.user)


def article_response(article: Article, status: int = 200) -> tuple[Response, int]:
    """The article as the reader sees it, read afresh after a change."""
    row = db.session.execute(as_the_reader_sees(Article.id == article.id)).one()
    return jsonify(article=article_json(*row)), status


@bp.post("/articles")
@token_required
def create_article():
    fields = validation.new_article()
    article = blog.create_article(
        g.user,
        title=fields["title"],
        description=fields["description"],
        body=fields["body"],
        tags=fields.get("tagList", []),
    )
    return article_response(article, 201)


@bp.get("/articles/<article_slug:slug>")
@token_optional
def get_article(slug: str):
    """Read once: the article with its author and the reader's flags, then its tags."""
    row = None
    if validation.storable(slug):
        row = db.session.execute(as_the_reader_sees(Article.slug == slug)).one_or_none()
    if row is None:
        raise not_found("article")
    return jsonify(article=article_json(*row))


@bp.put("/articles/<article_slug:slug>")
@token_required
def update_article(slug: str):
    article = own_article(slug)
    changes = validation.article_changes()
    blog.update_article(
        article,
        title=changes.get("title", article.title),
        description=changes.get("description", article.description),
        body=changes.get("body", article.body),
        tags=changes.get("tagList", [tag.name for tag in article.tags]),
    )
    return article_response(article)


@bp.delete("/articles/<article_slug:slug>")
@token_required
def delete_article(slug: str):
    db.session.delete(own_article(slug))
    db.session.commit()
    return "", 204


@bp.post("/articles/<article_slug:slug>/favorite")
@token_required
def favorite(slug: str):
    article = article_or_404(slug)
    blog.favorite(g.user, article)
    return article_response(article)


@bp.delete("/articles/<article_slug:slug>/favorite")
@token_required
def unfavorite(slug: str):
    article = article_or_404(slug)
    blog.unfavorite(g.user, article)
    return article_response(article)


@bp.get("/articles/<article_slug:slug>/comments")
@token_optional
def list_comments(slug: str):
    rows = db.session.execute(blog.comments_for(article_or_404(slug), g.user)).all()
    return jsonify(comments=[comment_json(*row) for row in rows])


@bp.post("/articles/<article_slug:slug>/comments")
@token_required
def add_comment(slug: str):
    article = article_or_404(slug)
    comment = blog.add_comment(article, g.user, validation.new_comment()["body"])
    return jsonify(comment=comment_json(comment, False)), 201  # nobody follows themselves


@bp.delete("/articles/<article_slug:slug>/comments/<int:comment_id>")
@token_required
def delete_comment(slug: str, comment_id: int):
    article = article_or_404(slug)
    comment = None
    if comment_id <= MAX_ID:
        query = select(Comment).where(Comment.id == comment_id, Comment.article_id == article.id)
        comment = db.session.scalar(query)
    if comment is None:
        raise not_found("comment")
    if comment.author_id != g.user.id:
        raise forbidden("comment")
    db.session.delete(comment)
    db.session.commit()
    return "", 204


@bp.get("/tags")
def tags():
    return jsonify(tags=blog.tags_in_use())
