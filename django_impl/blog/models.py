"""Tags, articles and comments. Twin: flask_impl/blog/models.py."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.services import follows_author


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=40, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:tag_feed", kwargs={"tag": self.name})


class Timestamped(models.Model):
    """created_at set once; updated_at stamped by every save after the first.

    Plain defaults rather than auto_now/auto_now_add, which would overwrite the seed's own
    timestamps in bulk_create.
    """

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]

    def save(self, *args, **kwargs):
        self.updated_at = self.created_at if self._state.adding else timezone.now()
        super().save(*args, **kwargs)


class ArticleQuerySet(models.QuerySet):
    def with_favorites_count(self):
        """The count as a correlated subquery: no join and no GROUP BY over the whole list."""
        favorites = (
            self.model.favorited_by.through.objects.filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(favorites_count=Coalesce(Subquery(favorites), 0))

    def with_details(self):
        """Author (joined), favorites count, and tags in name order (one query for all rows)."""
        return (
            self.with_favorites_count()
            .select_related("author")
            .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        )

    def previews(self):
        """What a list shows: lists never show the body, and sorting it along is slow."""
        return self.with_details().defer("body")

    def feed_for(self, user):
        return self.filter(author__followers=user)

    def tagged(self, name):
        return self.filter(tags__name=name)

    def favorited_by_any(self, users):
        """A subquery, not a join, so that each article is listed once."""
        favorites = self.model.favorited_by.through.objects.filter(user__in=users)
        return self.filter(pk__in=favorites.values("article"))

    def for_reader(self, user):
        """`favorited` (by user) and `following` (user follows the author), in this same query."""
        if not user.is_authenticated:
            return self.annotate(favorited=Value(False), following=Value(False))
        favorites = self.model.favorited_by.through.objects
        favorited = Exists(favorites.filter(user=user, article=OuterRef("pk")))
        following = follows_author(user, OuterRef("author"))
        return self.annotate(favorited=favorited, following=following)


class Article(Timestamped):
    slug = models.SlugField(_("slug"), max_length=255, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=120)
    description = models.CharField(_("description"), max_length=255)
    body = models.TextField(_("body"), max_length=20_000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    favorited_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="favorites", blank=True
    )

    objects = ArticleQuerySet.as_manager()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("blog:article_detail", kwargs={"slug": self.slug})


class Comment(Timestamped):
    body = models.TextField(_("body"), max_length=5_000)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )

    def __str__(self):
        return self.body[:50]
