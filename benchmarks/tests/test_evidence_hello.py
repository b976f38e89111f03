"""The hello experiment's commands, edits, file and line counts and JSON checks, on small inputs."""

import json
from pathlib import Path

import pytest
import requests

from benchmarks.evidence.experiments import _hello_apps as apps
from benchmarks.evidence.experiments import _hello_serve as serve
from benchmarks.evidence.experiments import hello

STARTPROJECT_URLS = '''"""URL configuration for mysite project."""

from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
'''


def test_add_route_adds_the_views_import_and_route():
    assert apps.add_route(STARTPROJECT_URLS) == (
        '"""URL configuration for mysite project."""\n\nfrom django.contrib import admin\n'
        "from django.urls import path\nfrom . import views\n\nurlpatterns = [\n"
        '    path("", views.hello),\n    path("admin/", admin.site.urls),\n]\n'
    )


def test_add_route_refuses_a_urls_module_it_does_not_know():
    with pytest.raises(ValueError, match="urlpatterns"):
        apps.add_route("from django.urls import path\nurlpatterns = []\n")


def test_commands_end_with_the_server_and_only_django_scaffolds(tmp_path):
    flask, django = apps.commands("flask", tmp_path), apps.commands("django", tmp_path)
    assert [c.typed for c in flask] == ["uv venv", "uv pip sync requirements.txt",
                                        "gunicorn hello:app"]  # fmt: skip
    assert [c.typed for c in django][2:] == ["django-admin startproject mysite .",
                                             "gunicorn mysite.wsgi"]  # fmt: skip
    assert django[-1].argv == [str(tmp_path / ".venv" / "bin" / "gunicorn"), "mysite.wsgi"]
    assert hello.COMMANDS["django"] == [c.typed for c in django]


def test_project_files_leave_out_the_environment_the_lock_and_bytecode(tmp_path: Path):
    for name in (".venv/lib/x.py", "requirements.txt", "mysite/__pycache__/a.pyc",
                 "mysite/urls.py", "manage.py"):  # fmt: skip
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    assert sorted(apps.project_files(tmp_path)) == ["manage.py", "mysite/urls.py"]


def test_lines_typed_are_the_project_less_what_was_generated():
    generated = {"mysite/urls.py": STARTPROJECT_URLS, "notes.txt": "a\n\nb\n"}
    view = '"""A view."""\n\n# c\ndef hello(request):\n    return 1\n'
    project = {**generated, "mysite/urls.py": apps.add_route(STARTPROJECT_URLS),
               "mysite/views.py": view}  # fmt: skip
    runs = {"flask": {"generated": {}, "project": {"hello.py": "import flask\n\napp = 1\n"}},
            "django": {"generated": generated, "project": project}}  # fmt: skip
    figures = hello.line_figures(runs, "a = 1\n\n\nb = 2\n")
    assert figures["flask_hello_lines"] == 2
    assert figures["flask_hello_files"] == 1
    # pygount leaves out the docstring, blank lines and the line holding only "]"
    assert figures["django_hello_generated_lines"] == 4
    assert figures["django_hello_lines"] == 4  # the import, the route, def and return
    assert figures["django_hello_total_lines"] == 4 + 4
    assert figures["django_hello_files"] == 3
    assert figures["django_hello_generated_physical_lines"] == 8 + 3
    assert figures["django_single_file_lines"] == 2


def response(status: int, body: bytes, content_type: str) -> requests.Response:
    made = requests.Response()
    made.status_code, made._content = status, body
    made.headers["Content-Type"] = content_type
    return made


@pytest.mark.parametrize(
    ("status", "body", "content_type", "expected"),
    [
        (200, json.dumps({"message": "hi"}).encode(), "application/json", True),
        (200, b'{"message": "hi"}', "text/html; charset=utf-8", False),
        (200, b"<p>hi</p>", "application/json", False),
        (200, b"[1, 2]", "application/json", False),
        (404, b'{"message": "hi"}', "application/json", False),
    ],
)
def test_only_a_json_object_200_counts_as_an_answer(status, body, content_type, expected):
    assert serve.answered_json(response(status, body, content_type)) is expected


class DeadProcess:
    returncode = 3

    def poll(self):
        return self.returncode


def test_waiting_for_a_server_that_died_raises_with_its_log(tmp_path):
    log = tmp_path / "gunicorn.log"
    log.write_text("Worker failed to boot.")
    server = serve.Server(DeadProcess(), "http://127.0.0.1:9/", 0.0)
    with pytest.raises(RuntimeError, match="exited 3: Worker failed to boot"):
        serve.wait_first_200(server, log)
