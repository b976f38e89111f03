"""ASGI entry point that uvicorn serves (`config.asgi:application`), for long-lived streams.

Twin: flask_impl/wsgi.py, served by gunicorn's gthread worker for them.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_asgi_application()
