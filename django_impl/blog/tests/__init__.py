"""The blog app's own tests. Twin: flask_impl/tests/."""
