"""The blog blueprint's tests. Twin: django_impl/blog/tests/."""
