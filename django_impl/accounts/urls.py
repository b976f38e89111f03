"""URLs of the accounts app. Twin: the routes in flask_impl/accounts/views.py."""

from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("settings/", views.settings, name="settings"),
    path("profile/<slug:username>/follow/", views.follow, name="follow"),
    path("profile/<slug:username>/unfollow/", views.unfollow, name="unfollow"),
]
