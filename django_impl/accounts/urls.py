"""URLs of the accounts app. Twin: the routes in flask_impl/accounts/views.py."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("settings/", views.SettingsView.as_view(), name="settings"),
    path("profile/<slug:username>/follow/", views.follow, name="follow"),
    path("profile/<slug:username>/unfollow/", views.unfollow, name="unfollow"),
]
