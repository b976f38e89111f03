"""Sign-up, sign-in and settings forms. Twin: django_impl/accounts/forms.py."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, StringField, TextAreaField, URLField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from flask_impl.accounts import services
from flask_impl.accounts.models import User
from flask_impl.accounts.services import normalize_email
from flask_impl.helpers import no_null_characters, strip


def valid_username(form: FlaskForm, field: StringField) -> None:
    if not services.is_valid_username(field.data):
        raise ValidationError(_("Use only letters, digits, underscores and hyphens."))


def valid_email(form: FlaskForm, field: EmailField) -> None:
    if not services.is_valid_email(field.data):
        raise ValidationError(_("Enter a valid email address."))


def http_url(form: FlaskForm, field: URLField) -> None:
    if not services.is_http_url(field.data):
        raise ValidationError(_("Enter an http or https URL."))


def password_length() -> Length:
    return Length(min=services.PASSWORD_MIN_LENGTH, max=services.PASSWORD_MAX_LENGTH)


def username_field() -> StringField:
    return StringField(
        _l("Username"),
        description=_l("Letters, digits, _ and -; at most 40 characters."),
        filters=[strip],
        validators=[
            DataRequired(),
            no_null_characters,
            Length(max=services.USERNAME_MAX_LENGTH),
            valid_username,
        ],
    )


def email_field() -> EmailField:
    return EmailField(
        _l("Email"),
        filters=[normalize_email],
        validators=[
            DataRequired(),
            no_null_characters,
            Length(max=services.EMAIL_MAX_LENGTH),
            valid_email,
        ],
    )


class UniqueAccountMixin:
    """Refuses a username or email that another user already has."""

    user: User | None = None

    def validate_username(self, field: StringField) -> None:
        if services.username_taken(field.data, exclude=self.user):
            raise ValidationError(_("This username is taken."))

    def validate_email(self, field: EmailField) -> None:
        if services.email_taken(field.data, exclude=self.user):
            raise ValidationError(_("This email is taken."))


class RegisterForm(UniqueAccountMixin, FlaskForm):
    username = username_field()
    email = email_field()
    password = PasswordField(
        _l("Password"),
        description=_l("8 to 128 characters."),
        validators=[DataRequired(), no_null_characters, password_length()],
    )


class LoginForm(FlaskForm):
    email = email_field()
    password = PasswordField(_l("Password"), validators=[DataRequired(), no_null_characters])
    next = HiddenField()

    user: User | None = None

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        self.user = services.authenticate(self.email.data, self.password.data)
        if self.user is None:
            self.form_errors.append(_("That email and password do not match an account."))
            return False
        return True


class SettingsForm(UniqueAccountMixin, FlaskForm):
    image = URLField(
        _l("Profile picture URL"),
        description=_l("An http or https address; blank for none."),
        filters=[strip],
        validators=[
            Optional(),
            no_null_characters,
            Length(max=services.IMAGE_MAX_LENGTH),
            http_url,
        ],
    )
    username = username_field()
    bio = TextAreaField(
        _l("Bio"),
        description=_l("At most 1,000 characters."),
        filters=[strip],
        validators=[no_null_characters, Length(max=services.BIO_MAX_LENGTH)],
    )
    email = email_field()
    password = PasswordField(
        _l("New password"),
        description=_l("8 to 128 characters; blank keeps your password."),
        validators=[Optional(strip_whitespace=False), no_null_characters, password_length()],
    )

    def __init__(self, user: User, **kwargs) -> None:
        """Pre-filled with the user's values; the password field always starts empty."""
        current = {
            "image": user.image,
            "username": user.username,
            "bio": user.bio,
            "email": user.email,
        }
        super().__init__(data=current, **kwargs)
        self.user = user


class SettingsPageForm(SettingsForm):
    """The settings page's form: the API's `PUT /api/user` has no current password to send."""

    current_password = PasswordField(
        _l("Current password"),
        description=_l("Needed to change your email or password."),
        render_kw={"autocomplete": "current-password"},
        validators=[no_null_characters],
    )

    def validate(self, extra_validators=None) -> bool:
        """A valid new email or password also needs the account's current password."""
        valid = super().validate(extra_validators)
        changes_email = not self.email.errors and self.email.data != self.user.email
        changes_password = not self.password.errors and bool(self.password.data)
        if (changes_email or changes_password) and not self.current_password.errors:
            if not self.current_password.data:
                message = _("Enter your current password to change your email or password.")
            elif not self.user.check_password(self.current_password.data):
                message = _("That is not your current password.")
            else:
                return valid
            self.current_password.errors.append(message)
            return False
        return valid
