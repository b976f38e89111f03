"""View helpers both apps use, and the error handlers. Twin: flask_impl/helpers.py (422 answers,
safe `next`) and the error handlers in flask_impl/__init__.py."""

from django.http import HttpResponseBadRequest, HttpResponseNotFound
from django.shortcuts import redirect
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults

from api.errors import http_error, is_api_path


class FormPageMixin:
    """A page with a form: GET and POST only, and a rejected submission answered with 422.

    Django's form views would otherwise also take PUT as a POST.
    """

    http_method_names = ["get", "head", "post", "options"]

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 422
        return response


def redirect_to_next(request, fallback):
    """Follow the POSTed `next` when it points to this site, else go to fallback."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


def api_aware(page_handler, status):
    """A handlerNNN: the API's JSON error body under /api, the page's error page elsewhere."""

    def handler(request, *args, **kwargs):
        if is_api_path(request.path_info):
            return http_error(status)
        return page_handler(request, *args, **kwargs)

    return handler


def error_page(template_name, response_class):
    """Django's default 400 or 404 page without its `requires_csrf_token` check.

    That check reads `request.POST` again: a form body in a charset other than UTF-8, which
    Django refuses with BadRequest, would fail again while its own error page is made, and turn
    into a 500. CsrfViewMiddleware has already run for the request, so the page's forms still
    get their token from the `csrf` context processor.
    """

    def handler(request, exception):
        return response_class(loader.render_to_string(template_name, request=request))

    return handler


bad_request = api_aware(error_page("400.html", HttpResponseBadRequest), 400)
page_not_found = api_aware(error_page("404.html", HttpResponseNotFound), 404)
server_error = api_aware(defaults.server_error, 500)
