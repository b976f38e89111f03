"""The blog blueprint; its routes are in views.py. Twin: django_impl/blog/apps.py."""

from flask import Blueprint

bp = Blueprint("blog", __name__, template_folder="templates")

from flask_impl.blog import views  # noqa: E402, F401  (registers the routes on bp)
