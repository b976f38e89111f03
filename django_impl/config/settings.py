"""Settings read from the environment as policies.md lists. Twin: flask_impl/config.py."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-never-use-it-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if SECRET_KEY == DEVELOPMENT_SECRET_KEY and not DEBUG:
    raise ImproperlyConfigured("Set SECRET_KEY: the development key only works with DEBUG on.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "accounts",
    "blog",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Next to SecurityMiddleware, so that static files (WhiteNoise) and CommonMiddleware's
    # trailing-slash redirects carry X-Frame-Options too; it only adds a response header.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before anything that answers on its own (CommonMiddleware), as django-cors-headers asks.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
if os.environ.get("TWINS_COUNT_QUERIES") == "1":
    MIDDLEWARE.insert(0, "config.query_count.QueryCountMiddleware")

# Any origin may call the API (no credentials: it authenticates by token); pages send no CORS.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{REPO_DIR / 'var' / 'django.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

# Errors reach gunicorn's log even with DEBUG off (Django's default sends them only to ADMINS).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "level": "ERROR"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "blog:home"
LOGOUT_REDIRECT_URL = "blog:home"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [REPO_DIR / "shared_spec" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed but not hashed: the page contract fixes the URL at /static/conduit.css.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Sign-in throttling, the cache it counts in, and the production profile (policies.md) ---
# The cache: Redis when CACHE_URL or REDIS_URL names one, else each process's own memory.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
INSTALLED_APPS.append("django_ratelimit")
MIDDLEWARE.append("django_ratelimit.middleware.RatelimitMiddleware")
RATELIMIT_VIEW = "config.throttling.too_many_requests"
RATELIMIT_IP_META_KEY = "config.throttling.client_address"
SIGN_IN_RATE_PER_ADDRESS = os.environ.get("SIGN_IN_RATE_PER_ADDRESS", "20/minute")
SIGN_IN_RATE_PER_ACCOUNT = os.environ.get("SIGN_IN_RATE_PER_ACCOUNT", "5/minute")
SIGN_IN_RATES = (SIGN_IN_RATE_PER_ADDRESS, SIGN_IN_RATE_PER_ACCOUNT)
# django-ratelimit 4.1 lists django-redis but not Django's own RedisCache (newer than it), whose
# atomic incr is all it needs.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# TWINS_PROFILE=production: served over HTTPS behind the proxy of deploy/ (nginx), which sets
# X-Forwarded-Proto and X-Forwarded-For. The development profile is plain HTTP.
PRODUCTION = os.environ.get("TWINS_PROFILE", "development") == "production"
TRUST_PROXY_HEADERS = PRODUCTION
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
else:
    # Memory counts per worker process (django-ratelimit calls that an error): fine for one
    # machine's development; the production profile needs CACHE_URL, as `check --deploy` says.
    SILENCED_SYSTEM_CHECKS += [] if CACHE_URL else ["django_ratelimit.E003"]

# Response headers: personal pages never cached, and the Content-Security-Policy (django-csp).
MIDDLEWARE += [
    "config.caching.personal_pages_never_cached",
    "csp.middleware.CSPMiddleware",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF, "https:"],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}
