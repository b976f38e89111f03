"""The user and whom they follow. Twin: flask_impl/accounts/models.py."""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

username_validator = RegexValidator(
    r"\A[A-Za-z0-9_-]+\Z",
    _("Use only letters, digits, underscores and hyphens."),
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        """Lowercase the whole address (Django lowercases only the domain), as policies.md asks."""
        return super().normalize_email(email).strip().lower()

    def create_user(self, email, username, password=None, **extra_fields):
        if not email:
            raise ValueError("Users must have an email address.")
        user = self.model(email=self.normalize_email(email), username=username, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, username, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(email, username, password, **extra_fields)


class User(AbstractUser):
    """Signs in with the email; the username is the public name in URLs."""

    username = models.CharField(
        _("username"), max_length=40, unique=True, validators=[username_validator]
    )
    email = models.EmailField(_("email address"), unique=True)
    bio = models.TextField(_("bio"), max_length=1000, blank=True)
    image = models.URLField(_("image URL"), max_length=500, blank=True)
    following = models.ManyToManyField(
        "self", symmetrical=False, related_name="followers", blank=True
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    class Meta(AbstractUser.Meta):
        constraints = [
            models.UniqueConstraint(
                Lower("username"),
                name="accounts_user_username_ci_unique",
                violation_error_message=_("This username is taken."),
            )
        ]

    def __str__(self):
        return self.username

    def get_absolute_url(self):
        return reverse("blog:profile", kwargs={"username": self.username})
