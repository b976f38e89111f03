"""The Flask extension ladder: one page, and the twin's extensions added one step at a time."""

import sqlite3

from flask import Flask, current_app, render_template

# Step n adds STEPS[n - 1] to the steps before it; the page at / stays the same throughout.
STEPS = (
    "flask",
    "flask-sqlalchemy",
    "flask-login",
    "flask-wtf-csrf",
    "flask-babel",
    "flask-admin",
)
NEWEST = 10


def create_app(steps: int, database_url: str, secret_key: str) -> Flask:
    if not 1 <= steps <= len(STEPS):
        raise ValueError(f"steps is 1..{len(STEPS)}, not {steps}")
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY=secret_key,
        DATABASE=database_url.removeprefix("sqlite:///"),
        SQLALCHEMY_DATABASE_URI=database_url,
    )
    # Until Flask-Babel installs gettext, the template's _() shows the message as written.
    app.add_template_global(untranslated, "_")

    if steps == 1:
        app.add_url_rule("/", "index", index_sqlite3)
        return app

    from benchmarks.apps.flask_ladder.models import db

    db.init_app(app)
    app.add_url_rule("/", "index", index_orm)
    if steps >= 3:
        init_login(app)
    if steps >= 4:
        from flask_wtf import CSRFProtect

        CSRFProtect(app)
    if steps >= 5:
        from flask_babel import Babel

        Babel(app)
    if steps >= 6:
        init_admin(app)
    return app


def untranslated(message: str) -> str:
    return message


def get_db() -> sqlite3.Connection:
    """The worker's connection, opened once and kept, as SQLAlchemy's pool keeps its own."""
    if "ladder_sqlite3" not in current_app.extensions:
        connection = sqlite3.connect(current_app.config["DATABASE"], check_same_thread=False)
        connection.row_factory = sqlite3.Row
        current_app.extensions["ladder_sqlite3"] = connection
    return current_app.extensions["ladder_sqlite3"]


def index_sqlite3():
    db = get_db()
    rows = db.execute(
        'SELECT article.id, slug, title, username FROM article JOIN "user"'
        ' ON "user".id = article.author_id'
        " ORDER BY article.created_at DESC, article.id DESC LIMIT ?",
        (NEWEST,),
    ).fetchall()
    articles = {
        row["id"]: {"slug": row["slug"], "title": row["title"], "tags": []}
        | {"author": {"username": row["username"]}}
        for row in rows
    }
    marks = ", ".join("?" * len(articles))
    tags = db.execute(
        "SELECT article_id, name FROM tag JOIN article_tags ON tag_id = tag.id"
        f" WHERE article_id IN ({marks}) ORDER BY name",
        list(articles),
    )
    for tag in tags:
        articles[tag["article_id"]]["tags"].append({"name": tag["name"]})
    return render_template("index.html", articles=articles.values())


def index_orm():
    from benchmarks.apps.flask_ladder.models import Article, db

    query = (
        db.select(Article)
        .options(db.joinedload(Article.author), db.selectinload(Article.tags))
        .order_by(Article.created_at.desc(), Article.id.desc())
        .limit(NEWEST)
    )
    return render_template("index.html", articles=db.session.scalars(query))


def init_login(app: Flask) -> None:
    from flask_login import LoginManager

    from benchmarks.apps.flask_ladder.models import User, db

    login_manager = LoginManager(app)

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        return db.session.get(User, int(user_id))


def init_admin(app: Flask) -> None:
    from flask_admin import Admin
    from flask_admin.contrib.sqla import ModelView

    from benchmarks.apps.flask_ladder.models import Article, Tag, User, db

    admin = Admin(app, name="Conduit")
    for model in (User, Article, Tag):
        admin.add_view(ModelView(model, db.session))
