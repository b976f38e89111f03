"""The Django twin with no middleware: what the signed-out reader pages and the API need.

A signed-out page sends no session cookie and shows no form, so it needs no session, CSRF or
authentication middleware: the auth and messages context processors fall back to AnonymousUser
and no messages without them. The API authenticates by its token header. The body is the same;
only the headers the middleware adds (X-Frame-Options, Vary, CORS) are missing.
"""

import os

from config.settings import *  # noqa: F403

MIDDLEWARE = []
if os.environ.get("TWINS_COUNT_QUERIES") == "1":
    MIDDLEWARE.insert(0, "config.query_count.QueryCountMiddleware")
