"""Blog: articles, tags, comments, favorites, feeds. Twin: flask_impl/blog/__init__.py."""
