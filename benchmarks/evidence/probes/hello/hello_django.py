"""Django in one file: settings, one view and one URL (`gunicorn hello_django:application`)."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import JsonResponse
from django.urls import path

settings.configure(
    ROOT_URLCONF=__name__, SECRET_KEY="hello-world-only", ALLOWED_HOSTS=["127.0.0.1"]
)


def hello(request):
    return JsonResponse({"message": "Hello, World!"})


urlpatterns = [path("", hello)]
application = get_wsgi_application()
