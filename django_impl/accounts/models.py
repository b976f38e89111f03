"""The user, on AbstractBaseUser to match schema.md. Twin: flask_impl/accounts/models.py."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
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
        return self.create_user(email, username, password, **extra_fields)


class User(AbstractBaseUser):
    # Werkzeug's scrypt hashes (the Flask twin) need more than Django's 128 characters.
    password = models.CharField(_("password"), max_length=255)
    username = models.CharField(
        _("username"), max_length=40, unique=True, validators=[username_validator]
    )
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    # NULL, not "", marks an unset bio or image: the Flask twin stores the same.
    bio = models.TextField(_("bio"), max_length=1000, blank=True, null=True)  # noqa: DJ001
    image = models.URLField(_("image URL"), max_length=500, blank=True, null=True)  # noqa: DJ001
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    following = models.ManyToManyField(
        "self", symmetrical=False, related_name="followers", blank=True
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    def __str__(self):
        return self.username

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def get_absolute_url(self):
        return reverse("blog:profile", kwargs={"username": self.username})

    def has_perm(self, perm, obj=None):
        """Staff may do everything; there are no finer permissions (docs' full example)."""
        return self.is_active and self.is_staff

    def has_module_perms(self, app_label):
        return self.is_active and self.is_staff
