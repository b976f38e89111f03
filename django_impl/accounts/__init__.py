"""Accounts: users, sign-up, sign-in, settings, follows. Twin: flask_impl/accounts/__init__.py."""
