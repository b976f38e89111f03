"""The accounts app's own tests. Twin: flask_impl/accounts/tests/."""
