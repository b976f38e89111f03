"""Project URLs: both apps at the root, the JSON API under api/. Twin: blueprints registered in
flask_impl/__init__.py."""

from django.urls import include, path

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("blog.urls")),
    path("api/", include("api.urls")),
]

# The pages' error pages, or the API's JSON error bodies for paths under /api.
handler400 = "config.views.bad_request"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
