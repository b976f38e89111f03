"""The API blueprint's tests. Twin: django_impl/api/tests/."""
