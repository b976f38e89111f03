"""Template filters of the blog. Twin: the Jinja filters registered in flask_impl/__init__.py."""
