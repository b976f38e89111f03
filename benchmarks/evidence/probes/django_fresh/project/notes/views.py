"""The few views the probes need: a form page, a slow page, a failing write and two searches."""

import threading
import time

from django import forms
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from .models import Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["title"]


def form_page(request):
    """Validates a note without saving it: the page exists to carry a form and its CSRF token."""
    form = NoteForm(request.POST or None)
    received = request.method == "POST" and form.is_valid()
    return render(request, "notes/form.html", {"form": form, "received": received})


def sleep(request):
    time.sleep(int(request.GET.get("ms", "200")) / 1000)
    return JsonResponse({"thread": threading.get_ident()})


def write_then_raise(request):
    Note.objects.create(title=request.POST["title"])
    raise RuntimeError("the note is written, then the view fails")


def search(request):
    notes = Note.objects.filter(title=request.GET.get("q", ""))
    return JsonResponse({"rows": [{"id": note.pk, "title": note.title} for note in notes]})


def search_raw(request):
    """The negative control: user input formatted into SQL, the mistake the ORM prevents."""
    query = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title FROM notes_note WHERE title = '{query}'")
        rows = cursor.fetchall()
    return JsonResponse({"rows": [{"id": pk, "title": title} for pk, title in rows]})
