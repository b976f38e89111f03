"""`python -m launcher serve` (what `make serve` runs): SEED=1 twice, HOST=, a server that stops."""

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from launcher import SEED, free_port, sqlite_url
from launcher.__main__ import wait_for_interrupt


def serve_env(tmp_path, **extra: str) -> dict[str, str]:
    database = sqlite_url(tmp_path / "served.sqlite3")
    return {
        **os.environ,
        "DATABASE_URL": database,
        "SECRET_KEY": "launcher-tests-key-" * 3,
        **extra,
    }


def wait_until_up(process: subprocess.Popen) -> list[str]:
    """The launcher's output up to its `twin on <url>` line (it prints it once gunicorn answers)."""
    lines = []
    for line in process.stdout:
        lines.append(line)
        if " twin on http" in line:
            return lines
    pytest.fail(f"the launcher exited ({process.wait()}) before serving:\n{''.join(lines)}")


def get(url: str, host: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def demo_token(base_url: str) -> str:
    demo = json.loads(SEED.read_text())["demo"]
    credentials = {"user": {"email": demo["email"], "password": demo["password"]}}
    request = urllib.request.Request(
        f"{base_url}/api/users/login",
        data=json.dumps(credentials).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["user"]["token"]


def article_count(base_url: str) -> int:
    with urllib.request.urlopen(f"{base_url}/api/articles?limit=1", timeout=10) as response:
        return json.load(response)["articlesCount"]


@pytest.mark.parametrize("twin", ["django", "flask"])
def test_serving_with_the_seed_twice_keeps_one_copy_and_the_demo_login(
    twin, tmp_path, launcher_process
):
    env, port = serve_env(tmp_path), free_port()
    base_url = f"http://127.0.0.1:{port}"
    articles = len(json.loads(SEED.read_text())["articles"])

    for _ in range(2):
        process = launcher_process("serve", twin, "--port", str(port), "--seed", str(SEED), env=env)
        output = "".join(wait_until_up(process))
        assert "Demo login: demo@example.com / demo-password" in output

        assert demo_token(base_url)
        assert article_count(base_url) == articles
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    assert "seed not loaded" in output  # the second run found the users of the first


def test_host_binds_beyond_loopback_and_the_twin_answers_for_allowed_hosts(
    tmp_path, launcher_process
):
    env, port = serve_env(tmp_path, ALLOWED_HOSTS="twins.example"), free_port()
    process = launcher_process("serve", "flask", "--port", str(port), "--host", "0.0.0.0", env=env)

    output = "".join(wait_until_up(process))

    assert "bound to 0.0.0.0, so other machines" in output
    assert "ALLOWED_HOSTS (twins.example)" in output
    assert f"Listening at: http://0.0.0.0:{port}" in output
    assert get(f"http://127.0.0.1:{port}/", host="twins.example") == 200
    assert get(f"http://127.0.0.1:{port}/") == 400  # a name ALLOWED_HOSTS leaves out


def test_a_server_that_stops_by_itself_is_a_failure(capsys):
    class Stopped:
        name = "flask"
        process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])

        def stop(self):
            self.process.wait()

    assert wait_for_interrupt([Stopped()]) == 1
    assert "flask: gunicorn exited (3)" in capsys.readouterr().err
