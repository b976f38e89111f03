"""The smallest Django project that answers one request. Twin: benchmarks/hello/hello_flask.py."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(ROOT_URLCONF=__name__, SECRET_KEY="hello-world-only", ALLOWED_HOSTS=["*"])


def hello(request):
    return HttpResponse("Hello, World!")


urlpatterns = [path("", hello)]
app = get_wsgi_application()
