"""URLs of the JSON API, without trailing slashes. Twin: the routes in flask_impl/api/views.py.

Unknown paths under /api get the API's JSON 404 from the project's handler404 (config/urls.py).
"""

from django.urls import path

from api import views

app_name = "api"
urlpatterns = [
    path("users", views.register, name="register"),
    path("users/login", views.login, name="login"),
    path("user", views.current_user, name="current_user"),
    path("profiles/<str:username>", views.profile, name="profile"),
    path("profiles/<str:username>/follow", views.follow, name="follow"),
    path("articles", views.articles, name="articles"),
    path("articles/feed", views.feed, name="feed"),
    path("articles/<str:slug>", views.article, name="article"),
    path("articles/<str:slug>/favorite", views.favorite, name="favorite"),
    path("articles/<str:slug>/comments", views.comments, name="comments"),
    path("articles/<str:slug>/comments/<int:comment_id>", views.comment, name="comment"),
    path("tags", views.tags, name="tags"),
]
