"""App configuration of the blog. Twin: the blueprint in flask_impl/blog/__init__.py."""

from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
