"""startproject's settings, untouched, plus the notes app and the one change a variant makes.

PROBE_PROJECT names the generated project package; PROBE_VARIANT picks at most one change:
"atomic" (ATOMIC_REQUESTS), "production" (DEBUG off), "gzip" or "locale" (one middleware added).
"""

import importlib
import os

_generated = importlib.import_module(f"{os.environ['PROBE_PROJECT']}.settings")
globals().update({name: value for name, value in vars(_generated).items() if name.isupper()})

INSTALLED_APPS = [
    *_generated.INSTALLED_APPS,
    "notes",
    "django.contrib.sitemaps",  # sitemap-feed
]
ROOT_URLCONF = "probe_urls"

VARIANT = os.environ.get("PROBE_VARIANT", "default")
if VARIANT == "atomic":
    DATABASES = {"default": {**_generated.DATABASES["default"], "ATOMIC_REQUESTS": True}}
elif VARIANT == "production":
    DEBUG = False
    ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
elif VARIANT == "gzip":
    MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *_generated.MIDDLEWARE]
elif VARIANT == "locale":
    MIDDLEWARE = [*_generated.MIDDLEWARE]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
        "django.middleware.locale.LocaleMiddleware",
    )
