"""Sign-in throttling (Flask-Limiter): keys and limits. Twin: django_impl/config/throttling.py."""

from flask import current_app, request

from flask_impl.extensions import limiter


def account_key() -> str:
    """The email a sign-in names (page form or API JSON), trimmed and lowercased as looked up."""
    email = request.form.get("email", "")
    if request.is_json:
        body = request.get_json(silent=True)
        user = body.get("user") if isinstance(body, dict) else None
        email = user.get("email") if isinstance(user, dict) else ""
    # A lone surrogate (JSON allows one) is kept as its escape: cache keys are encoded as UTF-8.
    return str(email or "").strip().lower().encode("utf-8", "backslashreplace").decode()


# One scope for the page and the API, so that neither doubles the other's allowance; each
# counts the POSTs of the route it decorates (under its @bp.route).
per_address = limiter.shared_limit(
    lambda: current_app.config["SIGN_IN_RATE_PER_ADDRESS"], scope="sign-in", methods=["POST"]
)
per_account = limiter.shared_limit(
    lambda: current_app.config["SIGN_IN_RATE_PER_ACCOUNT"],
    scope="sign-in-account",
    key_func=account_key,
    methods=["POST"],
)
