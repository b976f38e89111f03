"""Inside the window every user makes the same requests in every run, however long the warm-up."""

import pytest

from benchmarks.load.scenarios import sequence
from benchmarks.load.scenarios.sequence import Sequence

TASKS = ["often", "often", "often", "seldom", "rarely"]  # as locust lists tasks: one per weight


def draws(user: Sequence, count: int) -> list[str]:
    return [user.rng.choice(TASKS) for _ in range(count)]


@pytest.fixture(autouse=True)
def warm_up(monkeypatch):
    monkeypatch.setattr(sequence, "epoch", 0)


def test_the_window_restarts_each_users_sequence_whatever_the_warm_up_drew():
    short, long = Sequence(5), Sequence(5)
    draws(short, 3)
    draws(long, 40)

    sequence.open_window()

    assert draws(short, 50) == draws(long, 50)


def test_the_window_sequence_differs_from_the_warm_up_and_between_users():
    warm_up = draws(Sequence(1), 50)
    sequence.open_window()
    assert draws(Sequence(1), 50) != warm_up
    assert draws(Sequence(1), 50) != draws(Sequence(2), 50)


def test_draws_follow_the_task_weights():
    drawn = draws(Sequence(1), 1000)
    assert 0.55 < drawn.count("often") / 1000 < 0.65
