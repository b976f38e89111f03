"""The notes as a sitemap (contrib.sitemaps) and an RSS feed (contrib.syndication)."""

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed

from .models import Note


class NoteSitemap(Sitemap):
    def items(self):
        return Note.objects.order_by("pk")

    def location(self, note):
        return f"/search/?q={note.pk}"


class NoteFeed(Feed):
    title = "Notes"
    link = "/feed/"

    def items(self):
        return Note.objects.order_by("-pk")[:20]

    def item_link(self, note):
        return f"/search/?q={note.pk}"
