"""The accounts blueprint's tests. Twin: django_impl/accounts/tests/."""
