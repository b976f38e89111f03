"""The generated project's URLs (the admin) plus the notes app, its sitemap and its feed."""

import importlib
import os

from django.contrib.sitemaps.views import sitemap  # sitemap-feed
from django.urls import include, path
from notes.feeds import NoteFeed, NoteSitemap  # sitemap-feed

_generated = importlib.import_module(f"{os.environ['PROBE_PROJECT']}.urls")

urlpatterns = [
    *_generated.urlpatterns,
    path("", include("notes.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"notes": NoteSitemap}}),  # sitemap-feed
    path("feed/", NoteFeed()),  # sitemap-feed
]
