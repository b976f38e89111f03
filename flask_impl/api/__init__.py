"""The JSON API blueprint, the RealWorld Conduit API under /api; its routes are in views.py.

Twin: django_impl/api/apps.py and urls.py.
"""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from flask_impl.api import errors, views  # noqa: E402, F401  (registers handlers and routes on bp)
