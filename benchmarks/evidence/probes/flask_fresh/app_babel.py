"""The bare app of flask_fresh with Flask-Babel as its quickstart adds it: no locale selector."""

from app_bare import app
from flask_babel import Babel, get_locale, gettext

babel = Babel(app)


@app.route("/greeting")
def greeting():
    return {"locale": str(get_locale()), "text": gettext("Hello")}
