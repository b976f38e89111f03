"""App configuration of accounts. Twin: the blueprint in flask_impl/accounts/__init__.py."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
