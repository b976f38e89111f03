"""The JSON API's own tests. Twin: flask_impl/tests/ (test_api*.py)."""
