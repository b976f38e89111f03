"""Following rules, apart from HTTP. Twin: flask_impl/accounts/services.py."""


class CannotFollowSelf(ValueError):
    """A user tried to follow or unfollow themselves."""


def is_following(user, profile) -> bool:
    if not user.is_authenticated or user.pk == profile.pk:
        return False
    return user.following.filter(pk=profile.pk).exists()


def follow(user, profile) -> None:
    if user.pk == profile.pk:
        raise CannotFollowSelf(profile.username)
    user.following.add(profile)


def unfollow(user, profile) -> None:
    if user.pk == profile.pk:
        raise CannotFollowSelf(profile.username)
    user.following.remove(profile)
