"""The accounts blueprint; its routes are in views.py. Twin: django_impl/accounts/apps.py."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, template_folder="templates")

from flask_impl.accounts import views  # noqa: E402, F401  (registers the routes on bp)
