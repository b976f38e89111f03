"""Call a WSGI app in this process: status, body marker and rough times for each request.

Run inside the app's own environment and working directory (stdlib only):
    python -m benchmarks.apps.inprocess module:callable REPEAT < requests.json
requests.json is a list of [label, method, path, headers, marker]; one JSON result goes to stdout:
per request its status, whether the marker is in the body, and the wall-clock and process CPU
microseconds per call over REPEAT calls after a warm-up (CPU time is steadier on a busy machine).
"""

import importlib
import io
import json
import sys
import time

WARMUP = 20


def load(wsgi_app: str):
    module, _, name = wsgi_app.partition(":")
    return getattr(importlib.import_module(module), name)


def environ_for(method: str, path: str, headers: list) -> dict:
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in headers:
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def call(app, method: str, path: str, headers: list) -> tuple[int, bytes]:
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])

    result = app(environ_for(method, path, headers), start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer["status"], body


def main() -> None:
    wsgi_app, repeat = sys.argv[1], int(sys.argv[2])
    app = load(wsgi_app)
    results = []
    for label, method, path, headers, marker in json.load(sys.stdin):
        status, body = call(app, method, path, headers)
        for _ in range(WARMUP if repeat else 0):
            call(app, method, path, headers)
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            call(app, method, path, headers)
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
        results.append(
            {
                "label": label,
                "status": status,
                "marker": marker.encode() in body,
                "bytes": len(body),
                "wall_us": wall / repeat * 1e6 if repeat else None,
                "cpu_us": cpu / repeat * 1e6 if repeat else None,
            }
        )
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
