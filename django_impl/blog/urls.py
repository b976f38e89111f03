"""URLs of the blog app. Twin: the routes in flask_impl/blog/views.py."""

from django.urls import path

from blog import views

app_name = "blog"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed/", views.YourFeedView.as_view(), name="your_feed"),
    path("tag/<slug:tag>/", views.TagFeedView.as_view(), name="tag_feed"),
    path("editor/", views.ArticleCreateView.as_view(), name="article_create"),
    path("editor/<slug:slug>/", views.ArticleUpdateView.as_view(), name="article_update"),
    path("article/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("article/<slug:slug>/delete/", views.ArticleDeleteView.as_view(), name="article_delete"),
    path("article/<slug:slug>/comments/", views.comment_create, name="comment_create"),
    path(
        "article/<slug:slug>/comments/<int:comment_id>/delete/",
        views.CommentDeleteView.as_view(),
        name="comment_delete",
    ),
    path("article/<slug:slug>/favorite/", views.favorite, name="favorite"),
    path("article/<slug:slug>/unfavorite/", views.unfavorite, name="unfavorite"),
    path("profile/<slug:username>/", views.ProfileView.as_view(), name="profile"),
    path(
        "profile/<slug:username>/favorites/",
        views.ProfileFavoritesView.as_view(),
        name="profile_favorites",
    ),
    path("events/articles", views.article_events, name="article_events"),
]
