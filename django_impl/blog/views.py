"""Feeds, articles, comments, favorites, profiles. Twin: flask_impl/blog/views.py."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.contrib.messages.views import SuccessMessageMixin
from django.core.handlers.asgi import ASGIRequest
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from accounts.models import User
from accounts.services import is_following
from blog import services
from blog.events import ArticleEvents
from blog.forms import ArticleForm, CommentForm
from blog.models import Article, Comment
from config.views import FormPageMixin, redirect_to_next


class ArticleListView(ListView):
    """Ten previews a page; a bad or too large ?page is a 404 (ListView's own rule)."""

    template_name = "blog/home.html"
    context_object_name = "articles"
    paginate_by = 10
    tab = "global"

    def paginate_queryset(self, queryset, page_size):
        # ListView also takes ?page=last; the page contract takes positive integers only.
        if self.request.GET.get(self.page_kwarg) == "last":
            raise Http404
        return super().paginate_queryset(queryset, page_size)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tab=self.tab, **kwargs)


class HomeView(ArticleListView):
    def get_queryset(self):
        return Article.objects.previews()

    def get_context_data(self, **kwargs):
        return super().get_context_data(popular_tags=services.popular_tags(), **kwargs)


class YourFeedView(LoginRequiredMixin, ArticleListView):
    tab = "yours"

    def get_queryset(self):
        return Article.objects.feed_for(self.request.user).previews()


class TagFeedView(HomeView):
    tab = "tag"

    def get_queryset(self):
        return Article.objects.tagged(self.kwargs["tag"]).previews()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.kwargs["tag"], **kwargs)


class ProfileView(ArticleListView):
    template_name = "blog/profile.html"
    tab = "articles"

    @cached_property
    def profile(self):
        return get_object_or_404(User, username=self.kwargs["username"])

    def get_queryset(self):
        return Article.objects.filter(author=self.profile).previews()

    def get_context_data(self, **kwargs):
        following = is_following(self.request.user, self.profile)
        return super().get_context_data(profile=self.profile, following=following, **kwargs)


class ProfileFavoritesView(ProfileView):
    tab = "favorites"

    def get_queryset(self):
        return Article.objects.favorited_by_any([self.profile]).previews()


def article_page_context(request, article, comment_form=None):
    """What the article page shows, for its own view and for a rejected comment."""
    user = request.user
    return {
        "article": article,
        "comments": article.comments.select_related("author"),
        "comment_form": comment_form or CommentForm(),
        "favorited": user.is_authenticated and article.favorited_by.filter(pk=user.pk).exists(),
        "following": is_following(user, article.author),
    }


class ArticleDetailView(DetailView):
    queryset = Article.objects.with_details()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(article_page_context(self.request, self.object))
        return context


class ArticleCreateView(FormPageMixin, LoginRequiredMixin, CreateView):
    model = Article
    form_class = ArticleForm

    def form_valid(self, form):
        form.instance.author = self.request.user
        form.instance.slug = services.unique_slug(form.cleaned_data["title"])
        return super().form_valid(form)


class AuthorOnlyMixin(FormPageMixin, LoginRequiredMixin, UserPassesTestMixin):
    """Only the author; anyone else signed in gets 403 from UserPassesTestMixin."""

    def test_func(self):
        return self.get_object().author_id == self.request.user.pk


class ArticleUpdateView(AuthorOnlyMixin, UpdateView):
    model = Article
    form_class = ArticleForm


class ArticleDeleteView(AuthorOnlyMixin, SuccessMessageMixin, DeleteView):
    """GET asks for confirmation; POST deletes the article with its comments and favorites."""

    model = Article
    success_url = reverse_lazy("blog:home")
    success_message = _("Article deleted.")


@require_POST
@login_required
def comment_create(request, slug):
    article = get_object_or_404(Article, slug=slug)
    form = CommentForm(request.POST)
    if form.is_valid():
        form.instance.article = article
        form.instance.author = request.user
        form.save()
        return redirect(article)
    # Only a rejected comment needs the whole page, with its details and every comment.
    article = Article.objects.with_details().get(pk=article.pk)
    context = article_page_context(request, article, comment_form=form)
    return render(request, "blog/article_detail.html", context, status=422)


class CommentDeleteView(AuthorOnlyMixin, SuccessMessageMixin, DeleteView):
    """GET asks for confirmation; POST deletes the comment."""

    pk_url_kwarg = "comment_id"
    success_message = _("Comment deleted.")

    def get_queryset(self):
        return Comment.objects.filter(article__slug=self.kwargs["slug"]).select_related("article")

    def get_success_url(self):
        return reverse("blog:article_detail", args=[self.kwargs["slug"]])


@require_POST
@login_required
def favorite(request, slug):
    article = get_object_or_404(Article, slug=slug)
    article.favorited_by.add(request.user)
    return redirect_to_next(request, article)


@require_POST
@login_required
def unfavorite(request, slug):
    article = get_object_or_404(Article, slug=slug)
    article.favorited_by.remove(request.user)
    return redirect_to_next(request, article)


@require_safe
async def article_events(request):
    """New articles as server-sent events for ?seconds= (an integer from 1 to 60, default 30)."""
    seconds = request.GET.get("seconds", "30")
    if not (seconds.isascii() and seconds.isdigit() and 1 <= int(seconds) <= 60):
        return HttpResponseBadRequest(
            "seconds must be an integer from 1 to 60\n", content_type="text/plain; charset=utf-8"
        )
    events = ArticleEvents(int(seconds))
    # The iterator kind of the server the request came through (see ArticleEvents).
    stream = events.astream() if isinstance(request, ASGIRequest) else events.stream()
    return StreamingHttpResponse(
        stream, content_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )
