"""A user's favorites with their counts, and what deleting a user takes along.

Twin: django_impl/blog/models.py (on_delete=CASCADE and the automatic link tables).
"""

from sqlalchemy import func, select

from flask_impl.accounts.models import follows
from flask_impl.blog.models import Article, Comment, article_favorites, article_tags
from flask_impl.extensions import db
from flask_impl.tests.factories import make_article, make_user


def count(table) -> int:
    return db.session.scalar(select(func.count()).select_from(table))


def test_a_users_favorites_load_with_their_counts(app):
    with app.app_context():
        ada, alan = make_user("ada"), make_user("alan")
        make_article(alan, "Counted", favorited_by=[ada, alan])

        assert [article.favorites_count for article in ada.favorites] == [2]


def test_deleting_a_user_deletes_what_they_wrote_favorited_and_followed(app):
    with app.app_context():
        ada, alan = make_user("ada"), make_user("alan")
        make_article(ada, "Gone", tags=["python"], favorited_by=[alan], comments=1)
        kept = make_article(alan, "Kept", favorited_by=[ada], comments=1)
        ada.following.append(alan)
        alan.following.append(ada)
        db.session.commit()

        db.session.delete(ada)
        db.session.commit()

        assert db.session.scalars(select(Article.title)).all() == ["Kept"]
        assert db.session.scalars(select(Comment.article_id)).all() == [kept.id]
        assert (count(article_favorites), count(article_tags), count(follows)) == (0, 0, 0)
