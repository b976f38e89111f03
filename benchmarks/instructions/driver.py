"""Calls one WSGI app in-process, kind after kind, marking each measured batch (stdlib only)."""

# Runs inside the target's own virtual environment: `python driver.py JOB.json`, cwd the target's
# workdir. JOB.json lists request kinds, each with its requests (taken in turn), warm-up and batch
# sizes. Modes: "callgrind" calls os.getppid() after each warm-up and after each measured batch; the
# harness runs valgrind with --dump-before=getppid, so every call writes one dump holding the
# instructions since the previous one (the warm-up dump is thrown away, the batch dump is kept).
# Start-up runs uninstrumented: the driver prints "ready" and waits for go_file, which the harness
# writes after `callgrind_control -i on`. "profile" runs the batch under cProfile instead.

import cProfile
import gc
import html
import io
import json
import os
import re
import sys
import time
from http.cookies import SimpleCookie
from importlib import import_module, metadata
from urllib.parse import unquote, urlencode, urlsplit

FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.DOTALL | re.IGNORECASE)
INPUT = re.compile(r"<input\b(?P<attrs>[^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
COUNTER = "{n}"


class Failed(RuntimeError):
    pass


def attributes(text):
    return {name.lower(): html.unescape(value) for name, value in ATTRIBUTE.findall(text)}


def find_form(page, testid):
    """(action, hidden fields) of the form with this data-testid, or None (as htmlforms.py)."""
    for match in FORM.finditer(page):
        form = attributes(match["attrs"])
        if form.get("data-testid") != testid:
            continue
        hidden = {}
        for element in INPUT.finditer(match["body"]):
            field = attributes(element["attrs"])
            if field.get("type", "").lower() == "hidden" and "name" in field:
                hidden[field["name"]] = field.get("value", "")
        return form.get("action", ""), hidden
    return None


def environ(method, target, headers, body):
    """A WSGI environ as gunicorn builds it for a request to 127.0.0.1."""
    parts = urlsplit(target)
    env = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote(parts.path).encode().decode("latin-1"),
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "REMOTE_PORT": "40000",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if body or method in ("POST", "PUT", "PATCH"):
        env["CONTENT_LENGTH"] = str(len(body))
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        env[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"] = value
    return env


class Client:
    """Calls the app; a request's body may hold {n}, replaced by a number unique in the process."""

    def __init__(self, app):
        self.app = app
        self.number = 0

    def call(self, method, target, headers, body=""):
        if COUNTER in body:
            self.number += 1
            body = body.replace(COUNTER, str(self.number))
        seen = {}

        def start_response(status, response_headers, exc_info=None):
            seen["status"], seen["headers"] = int(status.split()[0]), response_headers

        result = self.app(environ(method, target, headers, body.encode()), start_response)
        try:
            content = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return seen["status"], seen["headers"], content


def with_cookies(headers, response_headers):
    """The request headers with the response's Set-Cookie values merged into Cookie."""
    jar = SimpleCookie(headers.get("Cookie", ""))
    for name, value in response_headers:
        if name.lower() == "set-cookie":
            jar.load(value)
    cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in jar.items() if morsel.value)
    return {**headers, "Cookie": cookie} if cookie else dict(headers)


def prepared(client, request):
    """(method, target, headers, body) to send; a form post first reads its page's form."""
    headers = dict(request["headers"])
    form = request.get("form")
    if form is None:
        return request["method"], request["path"], headers, request.get("body", "")
    status, response_headers, content = client.call("GET", form["page"], headers)
    found = find_form(content.decode(), form["testid"]) if status == 200 else None
    if found is None:
        raise Failed(f"{form['page']} ({status}) has no form {form['testid']}")
    action, hidden = found
    headers = with_cookies(headers, response_headers)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    body = urlencode({**hidden, **form["fields"]}, safe="{}")
    return "POST", action or form["page"], headers, body


def run_kind(client, kind, mode):
    """Warm up, then the measured batch; returns the kind's profile rows in profile mode."""
    requests = [(prepared(client, request), request) for request in kind["requests"]]
    warmup, batch = kind["warmup"], kind["n"]
    seen = {}  # a request without an expected status must answer as its first answer did
    for index in range(warmup + batch):
        (method, target, headers, body), request = requests[index % len(requests)]
        if index == warmup:
            # Each batch starts from an empty young generation: otherwise when the collector runs
            # (and whether a costly older-generation pass falls inside a batch) shifts with any
            # difference in earlier allocations, such as a longer random token in another run.
            gc.collect()
            if mode == "callgrind":
                os.getppid()  # dump: setup and warm-up, thrown away
            elif mode == "profile":
                profiler = cProfile.Profile()
                profiler.enable()
        status, response_headers, content = client.call(method, target, headers, body)
        expected = request["status"] or seen.setdefault("status", status)
        if status != expected:
            raise Failed(f"{kind['label']}: {method} {target} answered {status}: {content[:300]}")
        location = dict(response_headers).get("Location", "")
        if request.get("location") and request["location"] not in location:
            raise Failed(f"{kind['label']}: {method} {target} redirected to {location!r}")
        marker = request.get("marker")
        if index < warmup and marker and status == 200 and marker.encode() not in content:
            raise Failed(f"{kind['label']}: {method} {target} lacks {marker!r}")
    if mode == "callgrind":
        os.getppid()  # dump: the measured batch
    if mode == "profile":
        profiler.disable()
        profiler.create_stats()
        return status, [
            [path, function, calls, own, callers_of(path, callers)]
            for (path, _, function), (_, calls, own, _, callers) in profiler.stats.items()
        ]
    return status, None


def callers_of(path, callers):
    """A C function's callers and the time spent in it on their behalf (Python rows: none)."""
    if path != "~":
        return []
    return [[where, function, own] for (where, _, function), (_, _, own, _) in callers.items()]


def keep_connections_open():
    """Django closes a connection older than CONN_MAX_AGE seconds at a request's end; under
    valgrind a minute passes every few requests, so reconnections would land in random batches.
    The count is of a persistent connection, as a load run sees between two reconnections."""
    django_db = sys.modules.get("django.db")
    if django_db is None:
        return
    for alias in django_db.connections:
        django_db.connections[alias].settings_dict["CONN_MAX_AGE"] = None


def versions(framework):
    return {
        "python": sys.version.split()[0],
        "framework": "none"
        if framework == "none"
        else f"{framework} {metadata.version(framework)}",
    }


def main(job_path):
    with open(job_path) as handle:
        job = json.load(handle)
    sys.path.insert(0, job["workdir"])
    module, _, name = job["wsgi_app"].partition(":")
    app = getattr(import_module(module), name)
    keep_connections_open()
    client = Client(app)
    if job.get("go_file"):
        # Started with --instr-atstart=no: the harness turns instrumentation on, then says go.
        print("ready", flush=True)
        while not os.path.exists(job["go_file"]):
            time.sleep(0.005)
    kinds = []
    for kind in job["kinds"]:
        status, rows = run_kind(client, kind, job["mode"])
        kinds.append({"label": kind["label"], "status": status, "profile": rows})
        print(f"done {kind['label']}", flush=True)
    output = {"kinds": kinds, "versions": versions(job["framework"]), "pid": os.getpid()}
    with open(job["output"], "w") as handle:
        json.dump(output, handle)


if __name__ == "__main__":
    main(sys.argv[1])
