"""The launcher's own fixtures: a port something else already answers on, a launcher process."""

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from launcher import ROOT, stop_process


class Answer200(BaseHTTPRequestHandler):
    """Another program's server: it answers 200 to anything, as a twin's home page would."""

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"someone else")

    def log_message(self, *args):
        pass


@pytest.fixture
def busy_port():
    """A loopback port another server listens and answers 200 on."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer200)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def launcher_process():
    """Start `python -m launcher ARGS` from the repository root; every one started is stopped."""
    started = []

    def start(*args: str, env: dict[str, str]) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "launcher", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        stop_process(process)
