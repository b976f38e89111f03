"""The bare app of flask_fresh with Flask-SQLAlchemy as its quickstart sets it up, and one model."""

import os

from app_bare import app
from flask import request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import String, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["PROBE_DATABASE_URL"]
db.init_app(app)


class Note(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # Fields added later go here.


with app.app_context():
    db.create_all()


@app.post("/notes/add-then-fail")
def add_then_fail():
    db.session.add(Note(title="partial"))
    db.session.flush()
    raise RuntimeError("failed after the flush")


@app.route("/search")
def search():
    notes = db.session.execute(select(Note).where(Note.title == request.args["q"])).scalars()
    return {"rows": len(notes.all())}


@app.route("/search-raw")
def search_raw():
    query = text(f"SELECT id FROM note WHERE title = '{request.args['q']}'")
    return {"rows": len(db.session.execute(query).all())}
