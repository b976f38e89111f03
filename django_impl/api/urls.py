"""URLs of the JSON API, each with and without a trailing slash: RealWorld clients send either,
and an API call is answered where it is sent, never redirected (a POST would not survive it).
Twin: the routes in flask_impl/api/users.py and articles.py.

Unknown paths under /api get the API's JSON 404 from the project's handler404 (config/urls.py).
"""

from django.urls import path

from api import views

app_name = "api"


def with_and_without_slash(route: str, view, name: str) -> list:
    return [path(route, view, name=name), path(f"{route}/", view)]


routes = [
    ("users", views.register, "register"),
    ("users/login", views.login, "login"),
    ("user", views.current_user, "current_user"),
    ("profiles/<str:username>", views.profile, "profile"),
    ("profiles/<str:username>/follow", views.follow, "follow"),
    ("articles", views.articles, "articles"),
    ("articles/feed", views.feed, "feed"),
    ("articles/<str:slug>", views.article, "article"),
    ("articles/<str:slug>/favorite", views.favorite, "favorite"),
    ("articles/<str:slug>/comments", views.comments, "comments"),
    ("articles/<str:slug>/comments/<int:comment_id>", views.comment, "comment"),
    ("tags", views.tags, "tags"),
]
urlpatterns = [url for route in routes for url in with_and_without_slash(*route)]
