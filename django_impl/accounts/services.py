"""Following rules, apart from HTTP. Twin: flask_impl/accounts/services.py."""

from django.db.models import Exists, Value

from accounts.models import User


class CannotFollowSelf(ValueError):
    """A user tried to follow or unfollow themselves."""


def is_following(user, profile) -> bool:
    if not user.is_authenticated or user.pk == profile.pk:
        return False
    return user.following.filter(pk=profile.pk).exists()


def follows_author(user, author):
    """Whether user follows `author` (an OuterRef), as an expression of the row's own query."""
    if not user.is_authenticated:
        return Value(False)
    return Exists(User.following.through.objects.filter(from_user=user, to_user=author))


def follow(user, profile) -> None:
    if user.pk == profile.pk:
        raise CannotFollowSelf(profile.username)
    user.following.add(profile)


def unfollow(user, profile) -> None:
    if user.pk == profile.pk:
        raise CannotFollowSelf(profile.username)
    user.following.remove(profile)
