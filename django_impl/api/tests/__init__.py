"""The JSON API's own tests. Twin: flask_impl/api/tests/."""
