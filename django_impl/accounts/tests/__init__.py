"""The accounts app's own tests. Twin: flask_impl/tests/test_accounts.py."""
