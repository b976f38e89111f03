"""Sign-up, sign-in, sign-out, settings, follow. Twin: flask_impl/accounts/views.py."""

from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, UpdateView

from accounts import services
from accounts.forms import RegisterForm, SettingsPageForm, SignInForm
from accounts.models import User
from config.throttling import SIGN_IN_LIMITS
from config.views import FormPageMixin, redirect_to_next


class SignedOutOnlyMixin:
    """Send a signed-in visitor home, as LoginView's redirect_authenticated_user does."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("blog:home")
        return super().dispatch(request, *args, **kwargs)


class RegisterView(FormPageMixin, SignedOutOnlyMixin, CreateView):
    form_class = RegisterForm
    template_name = "accounts/register.html"

    def form_valid(self, form):
        user = form.save_unless_taken()
        if user is None:
            return self.form_invalid(form)
        auth.login(self.request, user)
        return redirect("blog:home")


@method_decorator(SIGN_IN_LIMITS, name="post")
class SignInView(FormPageMixin, auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class SettingsView(FormPageMixin, LoginRequiredMixin, UpdateView):
    form_class = SettingsPageForm
    context_object_name = "account"  # the default, "user", would hide the signed-in user
    template_name = "accounts/settings.html"
    success_url = reverse_lazy("accounts:settings")

    def get_object(self, queryset=None):
        # A copy: a rejected form must not rename request.user in the page's nav.
        return User.objects.get(pk=self.request.user.pk)

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data["password"]:
            auth.update_session_auth_hash(self.request, self.object)
        messages.success(self.request, _("Your settings are saved."))
        return response


@require_POST
@login_required
def follow(request, username):
    profile = get_object_or_404(User, username=username)
    try:
        services.follow(request.user, profile)
    except services.CannotFollowSelf as error:
        raise BadRequest(_("You cannot follow yourself.")) from error
    return redirect_to_next(request, profile)


@require_POST
@login_required
def unfollow(request, username):
    profile = get_object_or_404(User, username=username)
    try:
        services.unfollow(request.user, profile)
    except services.CannotFollowSelf as error:
        raise BadRequest(_("You cannot unfollow yourself.")) from error
    return redirect_to_next(request, profile)
