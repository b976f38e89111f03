"""The WSGI application: `gunicorn flask_impl.wsgi:app`. Twin: django_impl/config/wsgi.py."""

from flask_impl import create_app

app = create_app()
