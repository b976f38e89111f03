"""The one view added to startproject's project as `mysite/views.py`, answering JSON."""

from django.http import JsonResponse


def hello(request):
    return JsonResponse({"message": "Hello, World!"})
