"""URLs of the blog app. Twin: the routes in flask_impl/blog/views.py."""

from django.urls import path

from blog import views

app_name = "blog"
urlpatterns = [
    path("", views.home, name="home"),
    path("feed/", views.your_feed, name="your_feed"),
    path("tag/<slug:tag>/", views.tag_feed, name="tag_feed"),
    path("editor/", views.article_create, name="article_create"),
    path("editor/<slug:slug>/", views.article_update, name="article_update"),
    path("article/<slug:slug>/", views.article_detail, name="article_detail"),
    path("article/<slug:slug>/delete/", views.article_delete, name="article_delete"),
    path("article/<slug:slug>/comments/", views.comment_create, name="comment_create"),
    path(
        "article/<slug:slug>/comments/<int:comment_id>/delete/",
        views.comment_delete,
        name="comment_delete",
    ),
    path("article/<slug:slug>/favorite/", views.favorite, name="favorite"),
    path("article/<slug:slug>/unfavorite/", views.unfavorite, name="unfavorite"),
    path("profile/<slug:username>/", views.profile, name="profile"),
    path("profile/<slug:username>/favorites/", views.profile_favorites, name="profile_favorites"),
    path("events/articles", views.article_events, name="article_events"),
]
