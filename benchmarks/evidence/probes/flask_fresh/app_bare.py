"""The bare Flask app of flask_fresh, written as Flask's quickstart writes one: no extension."""

import os
import threading
import time

from flask import Blueprint, Flask, render_template, request, session
from flask.views import MethodView

app = Flask(__name__)
app.secret_key = os.environ["PROBE_SECRET_KEY"]
USERS = {"demo": "demo-password"}


@app.route("/")
def index():
    return render_template("index.html")


@app.route("/sleep")
def sleep():
    time.sleep(int(request.args.get("ms", "200")) / 1000)
    return {"thread": threading.get_ident()}


@app.route("/cart")
def cart():
    session["user_id"] = 42
    session["cart"] = {"apple": 2, "pear": 1}
    return "Saved in the session."


@app.route("/session")
def show_session():
    return dict(session)


@app.route("/form", methods=["GET", "POST"])
def form():
    if request.method == "POST":
        return render_template("form.html", name=request.form.get("name", ""))
    return render_template("form.html")


@app.post("/login")
def login():
    if USERS.get(request.form.get("username", "")) == request.form.get("password"):
        session["user_id"] = request.form["username"]
        return "Signed in."
    return "Invalid username or password.", 401


@app.route("/boom")
def boom():
    raise RuntimeError("a view that raises")


@app.errorhandler(404)
def page_not_found(error):
    return render_template("404.html"), 404


@app.errorhandler(500)
def internal_server_error(error):
    return render_template("500.html"), 500


class ItemAPI(MethodView):
    def get(self):
        return {"items": []}


app.add_url_rule("/items", view_func=ItemAPI.as_view("items"))

pages = Blueprint("pages", __name__)


@pages.route("/hello")
def hello():
    return "Hello from a blueprint."


app.register_blueprint(pages, url_prefix="/a", name="a")
app.register_blueprint(pages, url_prefix="/b", name="b")
