"""The production profile's proxy trust and HSTS header. Twin: django_impl/config/settings.py."""

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> None:
    """Trust the proxy's X-Forwarded-* (PROXY_FIX) and send HSTS on HTTPS responses (HSTS)."""
    if app.config["PRODUCTION"] and app.config["RATELIMIT_STORAGE_URI"].startswith("memory:"):
        raise RuntimeError("TWINS_PROFILE=production counts sign-ins in Redis: set REDIS_URL.")
    if app.config["PROXY_FIX"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, **app.config["PROXY_FIX"])
    if app.config["HSTS"]:
        app.after_request(send_hsts)


def send_hsts(response: Response) -> Response:
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", current_app.config["HSTS"])
    return response
