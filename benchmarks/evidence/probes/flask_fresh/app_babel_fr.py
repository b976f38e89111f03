"""The Flask-Babel app of flask_fresh with a locale selector and a French catalogue added."""

import os

from app_babel import app, babel
from flask import request


def select_locale():
    return request.accept_languages.best_match(["en", "fr"])


app.config["BABEL_TRANSLATION_DIRECTORIES"] = os.environ["PROBE_TRANSLATIONS"]
babel.init_app(app, locale_selector=select_locale)
