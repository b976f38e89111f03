"""URLs of the JSON API, each with and without a trailing slash: RealWorld clients send either,
and an API call is answered where it is sent, never redirected (a POST would not survive it).
Twin: the routes in flask_impl/api/users.py and articles.py.

Unknown paths under /api get the API's JSON 404 from the project's handler404 (config/urls.py).
"""

from django.urls import path

from api import views

app_name = "api"
urlpatterns = [
    path("users", views.RegisterView.as_view(), name="register"),
    path("users/login", views.LoginView.as_view(), name="login"),
    path("user", views.CurrentUserView.as_view(), name="current_user"),
    path("profiles/<str:username>", views.ProfileView.as_view(), name="profile"),
    path("profiles/<str:username>/follow", views.FollowView.as_view(), name="follow"),
    path("articles", views.ArticlesView.as_view(), name="articles"),
    path("articles/feed", views.FeedView.as_view(), name="feed"),
    path("articles/<str:slug>", views.ArticleView.as_view(), name="article"),
    path("articles/<str:slug>/favorite", views.FavoriteView.as_view(), name="favorite"),
    path("articles/<str:slug>/comments", views.CommentsView.as_view(), name="comments"),
    path(
        "articles/<str:slug>/comments/<int:comment_id>",
        views.CommentView.as_view(),
        name="comment",
    ),
    path("tags", views.TagsView.as_view(), name="tags"),
]
urlpatterns += [path(f"{url.pattern}/", url.callback) for url in urlpatterns]
