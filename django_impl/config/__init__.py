"""The Django project package: settings, URLs, WSGI. Twin: flask_impl/__init__.py."""
