"""The Flask twin's application factory. Twin: django_impl/config/settings.py and urls.py."""

from pathlib import Path

from flask import Flask, Response, abort, g, render_template, request, session
from flask_babel import get_locale
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, SecurityError
from werkzeug.wrappers import Response as WerkzeugResponse

from flask_impl import production, query_count
from flask_impl.accounts import bp as accounts_bp
from flask_impl.api import ArticleSlugConverter
from flask_impl.api import bp as api_bp
from flask_impl.api.errors import answer_http_error, is_api_path
from flask_impl.blog import bp as blog_bp
from flask_impl.blog.commands import load_seed_command
from flask_impl.blog.rendering import render_markdown
from flask_impl.config import DEVELOPMENT_SECRET_KEY, REPO, Config
from flask_impl.extensions import babel, cors, csrf, db, limiter, login_manager, migrate
from flask_impl.helpers import current_path

ERROR_PAGES = {400, 403, 404}
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# No script, no inline style; images from the site and any https: host (profile pictures, and
# those in articles' Markdown); forms post to the site only.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' https:",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)


def create_app(config_class: type = Config) -> Flask:
    app = Flask(__name__, static_folder=str(REPO / "shared_spec" / "static"))
    app.config.from_object(config_class)
    app.config.from_prefixed_env()
    app.url_map.converters["article_slug"] = ArticleSlugConverter
    if not app.debug and app.config["SECRET_KEY"] == DEVELOPMENT_SECRET_KEY:
        raise RuntimeError("SECRET_KEY is the development key: set SECRET_KEY (or DEBUG=1).")

    db.init_app(app)
    if app.config["COUNT_QUERIES"]:
        query_count.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    csrf.exempt(api_bp)  # the API authenticates by its token, never by the session cookie
    babel.init_app(app)
    cors.init_app(app)
    limiter.init_app(app)
    production.init_app(app)

    app.register_blueprint(accounts_bp)
    app.register_blueprint(blog_bp)
    app.register_blueprint(api_bp)
    app.url_value_preprocessor(refuse_nul_in_path)
    app.after_request(set_security_headers)
    app.after_request(keep_personal_pages_private)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(SecurityError, refuse_untrusted_host)
    app.add_template_filter(markdown_filter, "markdown")
    app.add_template_global(current_path)
    app.add_template_global(get_locale)
    app.cli.add_command(load_seed_command)
    return app


def refuse_nul_in_path(endpoint: str | None, values: dict | None) -> None:
    """A page's path part with NUL names no row, and PostgreSQL cannot even compare one: 404 at
    once. The API's lookups answer their own 404s, which name what was not found."""
    if values and not is_api_path(request.path) and any("\x00" in str(v) for v in values.values()):
        abort(404)


def set_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    return response


def keep_personal_pages_private(response: Response) -> Response:
    """Every answer to a signed-in visitor (or an API caller with a token) shows their own data:
    their name in the nav, their CSRF token, their feed. No cache may keep it. A page asks the
    session (Flask-Login's `_user_id`), not `current_user`, whose row a commit has expired."""
    signed_in = g.get("user") is not None if is_api_path(request.path) else "_user_id" in session
    if signed_in:
        response.cache_control.private = True
        response.cache_control.no_store = True
    return response


def handle_http_error(error: HTTPException) -> Response | WerkzeugResponse | tuple[str, int]:
    """JSON under /api (a 404 or 405 there belongs to no blueprint, so the app answers it);
    the project's error pages elsewhere, and Flask's own for the codes that have none."""
    if is_api_path(request.path):
        return answer_http_error(error)
    if error.code in ERROR_PAGES:
        return render_error_page(error)
    return error.get_response()


def render_error_page(error: HTTPException) -> tuple[str, int]:
    return render_template(f"{error.code}.html", error=error), error.code


def refuse_untrusted_host(error: SecurityError) -> tuple[str, int, dict[str, str]]:
    """A Host outside TRUSTED_HOSTS leaves Flask no URL adapter, so no page can build links."""
    return "Bad Request (400)", 400, {"Content-Type": "text/plain; charset=utf-8"}


def markdown_filter(text: str) -> Markup:
    """The rendered body; markdown-it-py has already escaped any raw HTML in it."""
    return Markup(render_markdown(text))
