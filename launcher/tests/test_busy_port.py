"""A port something else listens on is refused before any twin starts, loudly."""

import argparse
import os
import subprocess

import pytest

import launcher.__main__ as launcher_main
from launcher import ROOT, TWINS, PortInUse, free_port, serve, twin_env


def test_serve_refuses_a_busy_port_and_names_it(busy_port, launcher_process):
    process = launcher_process("serve", "flask", "--port", str(busy_port), env=dict(os.environ))

    output, _ = process.communicate(timeout=30)

    assert process.returncode != 0
    assert f"port {busy_port} on 127.0.0.1 is already in use" in output
    assert "choose another port: make serve TWIN=flask PORT=" in output
    assert "gunicorn" not in output.lower()  # refused before gunicorn was started


def test_make_serve_exits_non_zero_on_a_busy_port(busy_port):
    result = subprocess.run(
        ["make", "--no-print-directory", "serve", "TWIN=flask", f"PORT={busy_port}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert f"port {busy_port} on 127.0.0.1 is already in use" in result.stderr


def test_a_busy_port_on_loopback_is_busy_for_every_interface_too(busy_port):
    with pytest.raises(PortInUse, match=f"port {busy_port} on 0.0.0.0"):
        serve(TWINS["flask"], twin_env(TWINS["flask"]), busy_port, host="0.0.0.0")


def test_run_refuses_when_one_of_its_ports_is_busy(busy_port, monkeypatch):
    monkeypatch.setattr(launcher_main, "RUN_PORTS", {"django": free_port(), "flask": busy_port})

    with pytest.raises(SystemExit) as refused:
        launcher_main.command_run(argparse.Namespace(workers=1))

    assert f"port {busy_port} on 127.0.0.1 is already in use" in str(refused.value.code)
    assert "make run serves Django on :8000 and Flask on :5000" in str(refused.value.code)
