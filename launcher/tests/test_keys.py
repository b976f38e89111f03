"""Each twin gets its own signing key, generated once and kept under var/."""

import argparse

import pytest

import launcher.__main__ as launcher_main


@pytest.fixture
def var(tmp_path, monkeypatch):
    monkeypatch.setattr(launcher_main, "VAR", tmp_path)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    return tmp_path


def test_each_twin_has_its_own_key(var):
    django_key = launcher_main.kept_secret_key("django")
    flask_key = launcher_main.kept_secret_key("flask")

    assert django_key != flask_key
    assert len(django_key) >= 50
    assert len(flask_key) >= 50


def test_a_twins_key_is_kept_and_readable_by_its_owner_only(var):
    first = launcher_main.kept_secret_key("flask")

    assert launcher_main.kept_secret_key("flask") == first
    assert (var / "secret_key.flask").read_text() == first
    assert (var / "secret_key.flask").stat().st_mode & 0o777 == 0o600


def started_a_twin(*args):
    raise AssertionError("a twin was started with one key for both")


def test_run_refuses_one_key_for_both_twins(var, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "one-key-for-both-twins")
    monkeypatch.setattr(launcher_main, "refuse_busy_ports", lambda *args: None)
    monkeypatch.setattr(launcher_main, "provision", started_a_twin)

    with pytest.raises(SystemExit) as refused:
        launcher_main.command_run(argparse.Namespace(workers=1))

    assert "its own key" in str(refused.value.code)
