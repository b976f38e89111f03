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
