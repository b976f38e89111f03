"""The Django twin under other settings: other middleware, or its home page rendered by Jinja2."""
