"""The Django twin with the MIDDLEWARE that `django-admin startproject` writes for Django 5.2."""

import os

from config.settings import *  # noqa: F403

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
if os.environ.get("TWINS_COUNT_QUERIES") == "1":
    MIDDLEWARE.insert(0, "config.query_count.QueryCountMiddleware")
