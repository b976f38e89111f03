"""The RealWorld Conduit API: users, profiles, articles, favorites, comments, tags.

Small View classes, one a URL: validation.py reads the input through the pages' own forms, the
apps' services do the work, serializers.py shapes the answer.
Twin: flask_impl/api/users.py and articles.py.
"""

from contextlib import suppress

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from accounts import services as accounts
from accounts.forms import RegisterForm, SettingsForm, SignInForm
from accounts.models import User
from api import validation
from api.auth import make_token, token_optional, token_required
from api.errors import ApiError, forbidden, http_error, not_found, refusal
from api.serializers import article_json, comment_json, profile_json, user_json
from blog import services as blog
from blog.forms import ArticleForm, CommentForm
from blog.models import Article
from config.throttling import SIGN_IN_LIMITS

ARTICLE_FIELDS = ("title", "description", "body")


@method_decorator(csrf_exempt, name="dispatch")
class ApiView(View):
    """A JSON endpoint: no CSRF check (no cookie authenticates it), a JSON 405 for other methods,
    an ApiError answered as its JSON body, and request.user anonymous unless a token names a user
    (auth.token_required / token_optional), whatever the session cookie says."""

    def dispatch(self, request, *args, **kwargs):
        request.user = AnonymousUser()
        try:
            return super().dispatch(request, *args, **kwargs)
        except ApiError as error:
            return error.response()

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = http_error(405)
        response["Allow"] = ", ".join(self._allowed_methods())
        return response


def get_or_404(queryset, what: str, **lookup):
    """The row the lookup names, or the 404 for `what`; text no database stores names nothing."""
    if not all(validation.storable(str(value)) for value in lookup.values()):
        raise not_found(what)
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise not_found(what) from None


def find_article(slug: str) -> Article:
    return get_or_404(Article.objects, "article", slug=slug)


def find_profile(username: str) -> User:
    return get_or_404(User.objects, "profile", username=username)


def authored(row, user, what: str):
    """The article or comment, if user wrote it; else the 403 for `what`."""
    if row.author_id != user.pk:
        raise forbidden(what)
    return row


def user_response(user: User, status: int = 200) -> JsonResponse:
    return JsonResponse({"user": user_json(user, make_token(user))}, status=status)


def profile_response(reader, profile: User) -> JsonResponse:
    return JsonResponse({"profile": profile_json(profile, accounts.is_following(reader, profile))})


def article_response(request, slug: str, status: int = 200) -> JsonResponse:
    articles = Article.objects.with_details().for_reader(request.user)
    article = get_or_404(articles, "article", slug=slug)
    return JsonResponse({"article": article_json(article)}, status=status)


def article_page(request, articles) -> JsonResponse:
    """A page of previews for the reader, and the number of all matches."""
    limit, offset = validation.paging(request)
    page = articles.previews().for_reader(request.user)[offset : offset + limit]
    previews = [article_json(article, with_body=False) for article in page]
    return JsonResponse({"articles": previews, "articlesCount": articles.count()})


class RegisterView(ApiView):
    def post(self, request):
        fields = validation.wrapped(request, "user")
        data, errors = validation.form_data(fields, ("username", "email", "password"))
        form = RegisterForm(data)
        validation.check(form, errors)
        user = form.save_unless_taken()
        if user is None:
            validation.check(form, {})
        return user_response(user, status=201)


@method_decorator(SIGN_IN_LIMITS, name="post")
class LoginView(ApiView):
    def post(self, request):
        fields = validation.wrapped(request, "user")
        data, errors = validation.form_data(fields, ("email", "password"))
        form = SignInForm(data=data)
        if form.has_error(NON_FIELD_ERRORS, code="invalid_login"):
            raise refusal(401, "credentials", "invalid")
        validation.check(form, errors)
        return user_response(form.get_user())


class CurrentUserView(ApiView):
    @token_required
    def get(self, request):
        return user_response(request.user)

    @token_required
    def put(self, request):
        user = request.user
        fields = validation.wrapped(request, "user")
        current = {name: getattr(user, name) for name in ("username", "email", "bio", "image")}
        data, errors = validation.form_data(fields, (*current, "password"), current)
        if "password" in fields and fields["password"] in (None, ""):  # the form would keep it
            errors["password"] = [validation.BLANK]
        form = SettingsForm(data, instance=user)
        validation.check(form, errors)
        return user_response(form.save())


class ProfileView(ApiView):
    @token_optional
    def get(self, request, username):
        return profile_response(request.user, find_profile(username))


class FollowView(ApiView):
    @token_required
    def post(self, request, username):
        profile = find_profile(username)
        try:
            accounts.follow(request.user, profile)
        except accounts.CannotFollowSelf:
            raise refusal(422, "profile", "cannot follow yourself") from None
        return profile_response(request.user, profile)

    @token_required
    def delete(self, request, username):
        profile = find_profile(username)
        with suppress(accounts.CannotFollowSelf):  # nobody follows themselves: nothing to undo
            accounts.unfollow(request.user, profile)
        return profile_response(request.user, profile)


class ArticlesView(ApiView):
    @token_optional
    def get(self, request):
        return article_page(request, blog.filtered_feed(**validation.list_filters(request)))

    @token_required
    def post(self, request):
        fields = validation.wrapped(request, "article")
        data, errors = validation.form_data(fields, ARTICLE_FIELDS)
        tags = validation.tag_list(fields, errors, current=[])
        form = ArticleForm({**data, "tags": " ".join(tags)})
        validation.check(form, errors)
        form.instance.author = request.user
        form.instance.slug = blog.unique_slug(form.cleaned_data["title"])
        return article_response(request, form.save().slug, status=201)


class FeedView(ApiView):
    @token_required
    def get(self, request):
        return article_page(request, Article.objects.feed_for(request.user))


class ArticleView(ApiView):
    @token_optional
    def get(self, request, slug):
        return article_response(request, slug)

    @token_required
    def put(self, request, slug):
        article = authored(find_article(slug), request.user, "article")
        fields = validation.wrapped(request, "article")
        current = {name: getattr(article, name) for name in ARTICLE_FIELDS}
        data, errors = validation.form_data(fields, ARTICLE_FIELDS, current)
        tags = validation.tag_list(fields, errors, [tag.name for tag in article.tags.all()])
        # The tags are checked already, by the rules the form's own tag field applies.
        form = ArticleForm({**data, "tags": " ".join(tags)}, instance=article)
        validation.check(form, errors)
        form.save()
        return article_response(request, slug)

    @token_required
    def delete(self, request, slug):
        authored(find_article(slug), request.user, "article").delete()
        return HttpResponse(status=204)


class FavoriteView(ApiView):
    @token_required
    def post(self, request, slug):
        find_article(slug).favorited_by.add(request.user)
        return article_response(request, slug)

    @token_required
    def delete(self, request, slug):
        find_article(slug).favorited_by.remove(request.user)
        return article_response(request, slug)


class CommentsView(ApiView):
    @token_optional
    def get(self, request, slug):
        comments = blog.comments_for(find_article(slug), request.user)
        return JsonResponse({"comments": [comment_json(comment) for comment in comments]})

    @token_required
    def post(self, request, slug):
        article = find_article(slug)
        data, errors = validation.form_data(validation.wrapped(request, "comment"), ("body",))
        form = CommentForm(data)
        validation.check(form, errors)
        form.instance.article = article
        form.instance.author = request.user
        comment = blog.comments_for(article, request.user).get(pk=form.save().pk)
        return JsonResponse({"comment": comment_json(comment)}, status=201)


class CommentView(ApiView):
    @token_required
    def delete(self, request, slug, comment_id):
        comment = get_or_404(find_article(slug).comments, "comment", pk=comment_id)
        authored(comment, request.user, "comment").delete()
        return HttpResponse(status=204)


class TagsView(ApiView):
    def get(self, request):
        return JsonResponse({"tags": blog.tags_in_use()})
