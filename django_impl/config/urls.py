"""Project URLs: both apps at the root. Twin: blueprints registered in flask_impl/__init__.py."""

from django.urls import include, path

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("blog.urls")),
]
