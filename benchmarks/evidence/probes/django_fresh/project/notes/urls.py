from django.urls import path

from . import views

app_name = "notes"
urlpatterns = [
    path("form/", views.form_page, name="form"),
    path("sleep/", views.sleep, name="sleep"),
    path("write-then-raise/", views.write_then_raise, name="write-then-raise"),
    path("search/", views.search, name="search"),
    path("search-raw/", views.search_raw, name="search-raw"),
]
