"""Pages for a signed-in visitor are never cached. Twin: flask_impl/__init__.py."""

from django.utils.cache import add_never_cache_headers


def personal_pages_never_cached(get_response):
    """Every answer to a signed-in visitor (or an API caller with a token) shows their own data:
    their name in the nav, their CSRF token, their feed. never_cache's headers, for every view."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return middleware
