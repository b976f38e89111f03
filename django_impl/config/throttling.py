"""Sign-in throttling (django-ratelimit): keys, limits, the 429. Twin: flask_impl/throttling.py."""

import json
import re

from django.conf import settings
from django.http import HttpResponse
from django_ratelimit.decorators import ratelimit

from api.errors import http_error, is_api_path

# One group for the page and the API, so that neither doubles the other's allowance.
GROUP = "accounts.sign_in"
RATE = re.compile(r"\d+/(\d*)([smhd])[a-z]*")
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_address(request) -> str:
    """The client's address: behind the proxy of deploy/ the last X-Forwarded-For entry (the one
    nginx wrote), else the socket's peer."""
    if settings.TRUST_PROXY_HEADERS and request.META.get("HTTP_X_FORWARDED_FOR"):
        return request.META["HTTP_X_FORWARDED_FOR"].split(",")[-1].strip()
    return request.META["REMOTE_ADDR"]


def account_key(group, request) -> str:
    """The email a sign-in names (page form or API JSON), trimmed and lowercased as looked up."""
    email = request.POST.get("email", "")
    if request.content_type == "application/json":
        try:
            user = json.loads(request.body).get("user")
            email = user.get("email") if isinstance(user, dict) else ""
        except (ValueError, AttributeError):
            email = ""
    # A lone surrogate (JSON allows one) is kept as its escape: cache keys are encoded as UTF-8.
    return str(email or "").strip().lower().encode("utf-8", "backslashreplace").decode()


# Both limits on a sign-in view's POST, for method_decorator(SIGN_IN_LIMITS, name="post").
SIGN_IN_LIMITS = [
    ratelimit(group=GROUP, key="ip", rate=settings.SIGN_IN_RATE_PER_ADDRESS, method="POST"),
    ratelimit(
        group=f"{GROUP}.account", key=account_key, rate=settings.SIGN_IN_RATE_PER_ACCOUNT,
        method="POST",
    ),
]  # fmt: skip


def too_many_requests(request, exception):
    """RATELIMIT_VIEW: a 429 whose Retry-After is the longer limit's window (an upper bound)."""
    if is_api_path(request.path):
        response = http_error(429)
    else:
        response = HttpResponse(
            "<h1>Too many sign-in attempts</h1><p>Wait a minute, then try again.</p>",
            status=429,
        )
    windows = (window_seconds(rate) for rate in settings.SIGN_IN_RATES)
    response["Retry-After"] = str(max(windows))
    return response


def window_seconds(rate: str) -> int:
    """The window of a rate written `N/minute` or `N/10m` (as django-ratelimit reads it)."""
    multiplier, unit = RATE.fullmatch(rate.strip()).groups()
    return int(multiplier or 1) * PERIODS[unit]
