"""The JSON API app. Twin: the `api` blueprint in flask_impl/api/__init__.py."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "RealWorld JSON API"
