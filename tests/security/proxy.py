"""nginx in front of a twin, run from deploy/nginx-twins.conf with a certificate made here."""

import os
import re
import shutil
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from launcher import free_port
from launcher.twins import ROOT, stop_process

SITE = ROOT / "deploy" / "nginx-twins.conf"
MAIN = """daemon off;
{user}
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    include {dir}/site.conf;
}}
"""


@dataclass(frozen=True)
class Proxy:
    https_url: str  # the TLS server of deploy/, on a loopback port
    http_url: str  # its plain-HTTP server, which redirects to HTTPS
    certificate: Path  # what clients verify the TLS server with

    @property
    def port(self) -> int:
        return int(self.https_url.rsplit(":", 1)[1])


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, valid for a day."""
    cert, key = directory / "twins.pem", directory / "twins.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def site_config(upstream: str, http_port: int, https_port: int, cert: Path, key: Path) -> str:
    """deploy/'s site with only its addresses and certificate paths replaced (no IPv6 here)."""
    text = SITE.read_text()
    text = re.sub(r"^\s*listen \[::\].*\n", "", text, flags=re.MULTILINE)
    replacements = {
        "server 127.0.0.1:8000;": f"server {upstream};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
        "/etc/ssl/certs/twins.pem": str(cert),
        "/etc/ssl/private/twins.key": str(key),
    }
    for old, new in replacements.items():
        assert old in text, f"deploy/nginx-twins.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


@contextmanager
def running_nginx(upstream_url: str, directory: Path):
    """nginx serving deploy/'s site in front of upstream_url; stopped on exit."""
    if shutil.which("nginx") is None:
        pytest.fail("nginx is not installed: `make nginx` installs Debian's package")
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = make_certificate(directory)
    http_port, https_port = free_port(), free_port()
    upstream = upstream_url.removeprefix("http://")
    (directory / "site.conf").write_text(site_config(upstream, http_port, https_port, cert, key))
    user = "user root;" if os.geteuid() == 0 else ""  # workers may then read the test's folders
    (directory / "nginx.conf").write_text(MAIN.format(dir=directory, user=user))
    command = ["nginx", "-p", str(directory), "-c", str(directory / "nginx.conf"),
               "-e", str(directory / "error.log")]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    proxy = Proxy(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}", cert)
    try:
        wait_for(proxy, process)
        yield proxy
    finally:
        stop_process(process)


def wait_for(proxy: Proxy, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {process.stderr.read().decode()}")
        try:
            requests.get(proxy.https_url + "/", verify=proxy.certificate, timeout=5)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"nginx did not answer on {proxy.https_url} within {timeout:.0f} s")
