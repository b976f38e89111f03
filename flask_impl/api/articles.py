"""The API's articles: lists and the feed, one article, favorites, comments, tags.

Plain Flask views, as in users.py: the forms check the input, the blog's queries and writes do
the work, the view commits. Twin: django_impl/api/views.py (ArticlesView to TagsView).
"""

from flask import Response, g, jsonify
from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import defer

from flask_impl.api import bp, validation
from flask_impl.api.auth import token_optional, token_required
from flask_impl.api.errors import forbidden, not_found
from flask_impl.api.serializers import article_json, comment_json
from flask_impl.api.validation import API_META
from flask_impl.blog import queries, writes
from flask_impl.blog.forms import ArticleForm, CommentForm
from flask_impl.blog.models import Article, Comment
from flask_impl.database import MAX_ID
from flask_impl.extensions import db

ARTICLE_FIELDS = ("title", "description", "body")


def article_list(query: Select[tuple[Article]]) -> Response:
    """A page of previews (no bodies) with the number of all matches: a fixed number of queries
    whatever the limit (the count, the page with the reader's flags, the page's tags)."""
    limit, offset = validation.paging()
    count = db.session.scalar(queries.count_of(query))
    page = queries.with_reader_flags(query, g.user).options(defer(Article.body, raiseload=True))
    rows = db.session.execute(page.limit(limit).offset(offset)).all()
    articles = [article_json(*row, with_body=False) for row in rows]
    return jsonify(articles=articles, articlesCount=count)


@bp.get("/articles")
@token_optional
def list_articles():
    return article_list(queries.filtered_feed(**validation.list_filters()))


@bp.get("/articles/feed")
@token_required
def feed():
    return article_list(queries.followed_feed(g.user))


def article_or_404(slug: str) -> Article:
    return validation.one_or_404(select(Article).where(Article.slug == slug), "article", slug)[0]


def own_article(slug: str) -> Article:
    article = article_or_404(slug)
    if article.author_id != g.user.id:
        raise forbidden("article")
    return article


def as_the_reader_sees(condition: ColumnElement[bool]) -> Select:
    """Rows of (article, favorited, following) with the author joined and the tags loaded."""
    return queries.with_reader_flags(queries.previews().where(condition), g.user)


def article_response(article: Article, status: int = 200) -> tuple[Response, int]:
    """The article as the reader sees it, read afresh after a change."""
    row = db.session.execute(as_the_reader_sees(Article.id == article.id)).one()
    return jsonify(article=article_json(*row)), status


def article_form(article: Article | None = None) -> ArticleForm:
    """The article form with the fields sent (a field not sent keeps the article's value),
    checked; the tags as the form's tag field takes them."""
    fields = validation.wrapped("article")
    data, errors = validation.form_data(fields, ARTICLE_FIELDS)
    validation.tag_list(fields, data, errors)
    form = ArticleForm(formdata=data, obj=article, meta=API_META)
    validation.check(form, errors)
    return form


@bp.post("/articles")
@token_required
def create_article():
    form = article_form()
    article = writes.create_article(
        g.user,
        title=form.title.data,
        description=form.description.data,
        body=form.body.data,
        tags=form.tags.data,
    )
    db.session.commit()
    return article_response(article, 201)


@bp.get("/articles/<article_slug:slug>")
@token_optional
def get_article(slug: str):
    """Read once: the article with its author and the reader's flags, then its tags."""
    row = validation.one_or_404(as_the_reader_sees(Article.slug == slug), "article", slug)
    return jsonify(article=article_json(*row))


@bp.put("/articles/<article_slug:slug>")
@token_required
def update_article(slug: str):
    article = own_article(slug)
    form = article_form(article)
    writes.update_article(
        article,
        title=form.title.data,
        description=form.description.data,
        body=form.body.data,
        tags=form.tags.data,
    )
    db.session.commit()
    return article_response(article)


@bp.delete("/articles/<article_slug:slug>")
@token_required
def delete_article(slug: str):
    db.session.delete(own_article(slug))
    db.session.commit()
    return "", 204


@bp.post("/articles/<slug>/favorite")
@token_required
def favorite(slug: str):
    article = article_or_404(slug)
    writes.favorite(g.user, article)
    db.session.commit()
    return article_response(article)


@bp.delete("/articles/<slug>/favorite")
@token_required
def unfavorite(slug: str):
    article = article_or_404(slug)
    writes.unfavorite(g.user, article)
    db.session.commit()
    return article_response(article)


@bp.get("/articles/<slug>/comments")
@token_optional
def list_comments(slug: str):
    rows = db.session.execute(queries.comments_for(article_or_404(slug), g.user)).all()
    return jsonify(comments=[comment_json(*row) for row in rows])


@bp.post("/articles/<slug>/comments")
@token_required
def add_comment(slug: str):
    article = article_or_404(slug)
    data, errors = validation.form_data(validation.wrapped("comment"), ("body",))
    form = CommentForm(formdata=data, meta=API_META)
    validation.check(form, errors)
    comment = writes.add_comment(article, g.user, form.body.data)
    db.session.commit()
    return jsonify(comment=comment_json(comment, False)), 201  # nobody follows themselves


@bp.delete("/articles/<slug>/comments/<int:comment_id>")
@token_required
def delete_comment(slug: str, comment_id: int):
    article = article_or_404(slug)
    comment = None
    if comment_id <= MAX_ID:  # PostgreSQL refuses to compare a larger one with a key
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
    return jsonify(tags=queries.tags_in_use())
