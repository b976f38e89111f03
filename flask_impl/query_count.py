"""`X-Query-Count`: the SQL statements run while serving a request (TWINS_COUNT_QUERIES=1).

Twin: django_impl/config/query_count.py.
"""

from flask import Flask, Response, g, has_request_context
from sqlalchemy import event

from flask_impl.extensions import db


def count_statement(*args) -> None:
    if has_request_context():
        g.query_count = g.get("query_count", 0) + 1


def add_query_count_header(response: Response) -> Response:
    response.headers["X-Query-Count"] = str(g.get("query_count", 0))
    return response


def init_app(app: Flask) -> None:
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count_statement)
    app.after_request(add_query_count_header)
