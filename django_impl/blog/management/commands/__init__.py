"""Management commands of the blog. Twin: the CLI commands registered in flask_impl/__init__.py."""
