"""Sign-up, sign-in and settings forms. Twin: flask_impl/accounts/forms.py."""

from django import forms
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User

USERNAME_HELP = _("Letters, digits, _ and -; at most 40 characters.")
PASSWORD_HELP = _("8 to 128 characters.")


def password_field(*, required: bool, label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        min_length=8,
        max_length=128,
        required=required,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class AccountForm(forms.ModelForm):
    """Username unique in any case; the email is lowercased by User.clean() like any ModelForm."""

    def clean_username(self):
        username = self.cleaned_data["username"]
        taken = User.objects.filter(username__iexact=username).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("This username is taken."), code="unique")
        return username

    def save_unless_taken(self):
        """Save, or None when a concurrent request took the username or email since the form
        was checked: the database's unique constraints refuse the row, and the form, checked
        again, then has the "taken" error."""
        try:
            with transaction.atomic():
                return self.save()
        except IntegrityError:
            self.full_clean()
            if self.is_valid():
                raise
            return None


class RegisterForm(AccountForm):
    password = password_field(required=True, label=_("Password"), help_text=PASSWORD_HELP)

    class Meta:
        model = User
        fields = ["username", "email"]
        labels = {"username": _("Username"), "email": _("Email")}
        help_texts = {"username": USERNAME_HELP}
        error_messages = {"email": {"unique": _("This email is taken.")}}

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user


class SettingsForm(AccountForm):
    # A CharField, not a URLField: forms.URLField would quietly add a scheme the user never typed.
    image = forms.CharField(
        label=_("Profile picture URL"),
        help_text=_("An http or https address; blank for none."),
        max_length=500,
        required=False,
        validators=[
            URLValidator(schemes=["http", "https"], message=_("Enter an http or https URL."))
        ],
        widget=forms.URLInput,
    )
    password = password_field(
        required=False,
        label=_("New password"),
        help_text=_("8 to 128 characters; blank keeps your password."),
    )

    class Meta:
        model = User
        fields = ["image", "username", "bio", "email"]
        labels = {"username": _("Username"), "bio": _("Bio"), "email": _("Email")}
        help_texts = {"username": USERNAME_HELP, "bio": _("At most 1,000 characters.")}
        error_messages = {"email": {"unique": _("This email is taken.")}}

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data["password"]:
            user.set_password(self.cleaned_data["password"])
        if commit:
            user.save()
        return user


class SettingsPageForm(SettingsForm):
    """The settings page's form: the API's `PUT /api/user` has no current password to send."""

    current_password = forms.CharField(
        label=_("Current password"),
        help_text=_("Needed to change your email or password."),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean(self):
        """A new email or password needs the current password (self.instance is still unchanged)."""
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        changes_email = email and User.objects.normalize_email(email) != self.instance.email
        if changes_email or cleaned_data.get("password"):
            current = cleaned_data.get("current_password")
            if not current:
                self.add_error(
                    "current_password",
                    ValidationError(
                        _("Enter your current password to change your email or password."),
                        code="required",
                    ),
                )
            elif not self.instance.check_password(current):
                self.add_error(
                    "current_password",
                    ValidationError(_("That is not your current password."), code="invalid"),
                )
        return cleaned_data


class SignInForm(forms.Form):
    """Email and password; LoginView hands it the request and asks get_user() on success."""

    email = forms.EmailField(label=_("Email"), max_length=254)
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return User.objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        email = self.cleaned_data.get("email")
        password = self.cleaned_data.get("password")
        if email and password:
            self.user = authenticate(self.request, email=email, password=password)
            if self.user is None:
                raise ValidationError(
                    _("That email and password do not match an account."), code="invalid_login"
                )
        return self.cleaned_data

    def get_user(self):
        return self.user
