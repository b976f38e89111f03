"""Paths: the requests of one app comparison (ladder, floors, middleware), signed out, in turn.

PATHS_SCENARIO_REQUESTS holds a JSON list of [path, name, marker]; each user asks for them in a
seeded random order (sequence.py), every answer checked for 200 and its marker. The apps compared
are not twins, so this scenario needs no sign-in and no names from the data set.
"""

import json
import os
from functools import cache

from locust import task

from benchmarks.load.scenarios.common import Visitor


@cache
def requests() -> list[tuple[str, str, str]]:
    return [tuple(entry) for entry in json.loads(os.environ["PATHS_SCENARIO_REQUESTS"])]


class PathVisitor(Visitor):
    @task
    def one_of_the_paths(self) -> None:
        path, name, marker = self.rng.choice(requests())
        self.page(path, name, marker)
