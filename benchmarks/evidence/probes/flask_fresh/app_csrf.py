"""The bare app of flask_fresh with Flask-WTF's CSRFProtect, as its documentation enables it."""

from app_bare import app
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect(app)
