"""Settings read from the environment (see policies.md). Twin: django_impl/config/settings.py."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEVELOPMENT_SECRET_KEY = "flask-twin-development-key-never-use-in-production"


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def allowed_hosts(value: str) -> list[str] | None:
    """Flask's TRUSTED_HOSTS from ALLOWED_HOSTS; `*` trusts every host."""
    hosts = [host.strip() for host in value.split(",") if host.strip()]
    return None if "*" in hosts else hosts


def sqlalchemy_url(url: str) -> str:
    """Plain `postgresql://` would make SQLAlchemy look for psycopg2; this twin runs psycopg 3."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY
    DEBUG = env_flag("DEBUG")
    TRUSTED_HOSTS = allowed_hosts(os.environ.get("ALLOWED_HOSTS") or "127.0.0.1,localhost")
    SQLALCHEMY_DATABASE_URI = sqlalchemy_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{REPO / 'var' / 'flask.sqlite3'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_SAMESITE = "Lax"
    COUNT_QUERIES = env_flag("TWINS_COUNT_QUERIES")
    # Bodies over 1 MB are refused (413) before they are read; the pages' forms are far smaller.
    MAX_CONTENT_LENGTH = 1024 * 1024
    # CORS for the API alone (flask-cors): any origin, no credentials, its two request headers.
    CORS_RESOURCES = {r"/api/*": {"origins": "*"}}
    CORS_SEND_WILDCARD = True
    CORS_ALLOW_HEADERS = ["Authorization", "Content-Type"]

    # Sign-in throttling (policies.md): Redis when CACHE_URL or REDIS_URL names one, else memory.
    RATELIMIT_STORAGE_URI = (
        os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL") or "memory://"
    )
    RATELIMIT_HEADERS_ENABLED = True  # Retry-After on a 429 (and X-RateLimit-* beside it)
    SIGN_IN_RATE_PER_ADDRESS = os.environ.get("SIGN_IN_RATE_PER_ADDRESS", "20/minute")
    SIGN_IN_RATE_PER_ACCOUNT = os.environ.get("SIGN_IN_RATE_PER_ACCOUNT", "5/minute")

    # TWINS_PROFILE=production: served over HTTPS behind the proxy of deploy/ (nginx), which sets
    # X-Forwarded-Proto and X-Forwarded-For (ProxyFix trusts one hop). Each line is the
    # counterpart of a Django setting: SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE (the
    # remember-me cookie; Flask-WTF keeps its token in the session), SECURE_PROXY_SSL_HEADER
    # (PROXY_FIX), SECURE_HSTS_* (HSTS, sent on HTTPS responses); SECURE_SSL_REDIRECT is nginx's
    # redirect of plain HTTP in deploy/nginx.conf.
    PRODUCTION = os.environ.get("TWINS_PROFILE", "development") == "production"
    SESSION_COOKIE_SECURE = PRODUCTION
    REMEMBER_COOKIE_SECURE = PRODUCTION
    PREFERRED_URL_SCHEME = "https" if PRODUCTION else "http"
    PROXY_FIX = {"x_for": 1, "x_proto": 1} if PRODUCTION else None
    HSTS = "max-age=31536000; includeSubDomains; preload" if PRODUCTION else None
