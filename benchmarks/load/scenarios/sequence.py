"""Each user's requests as a fixed sequence, started over when the measured window opens."""

# Locust draws each next task from the module-level `random`, shared by all users and unseeded, so
# two runs would measure different mixes of pages. The users here draw every choice (the task and
# what it asks for) from their own generator, seeded by the user's number and by the window. Inside
# the window each user then makes the same requests in every run and on both twins, however long
# the warm-up was: CPU per request is compared over the same work, not over differing samples.

import random

# 0 during the warm-up; window.py adds one when the measured window opens (once per process).
epoch = 0


def open_window() -> None:
    global epoch  # one counter per locust process, read by every user's Sequence
    epoch += 1


class Sequence:
    """One user's generator: the same numbers for the same user in the same window."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.epoch: int | None = None
        self._rng = random.Random()

    @property
    def rng(self) -> random.Random:
        if self.epoch != epoch:
            self.epoch = epoch
            self._rng = random.Random(f"{self.number}:{epoch}")
        return self._rng
