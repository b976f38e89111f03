"""The locust file of an interleaved run: one scenario's users, alternating between targets."""

# Settings come from BENCH_INTERLEAVE (a JSON file the harness writes: the scenario, each target's
# URL, gunicorn master pid and signed-in sessions, the schedule and where to write the snapshots)
# and BENCH_TARGETS (the data set's names, as for the sequential runs). Every user keeps, per
# target, its own client (cookies), Sequence and sign-in state, and moves to the window's target
# between tasks: a task in flight (a page and the form posted from it) finishes where it began.

import importlib
import inspect
import itertools
import json
import os
import time
from collections import Counter
from pathlib import Path

import gevent
from gevent.local import local
from locust import User, events
from locust.contrib.fasthttp import FastHttpSession
from locust.env import Environment

from benchmarks.interleave.schedstat import cpu_busy_ticks, run_time_ns, total_run_time_ns
from benchmarks.interleave.schedule import Schedule
from benchmarks.load.scenarios import common, sequence
from benchmarks.measure import procstat

CONFIG = json.loads(Path(os.environ["BENCH_INTERLEAVE"]).read_text())
SCHEDULE = Schedule(**CONFIG["schedule"])
TARGETS = CONFIG["targets"]
NUMBERS = itertools.count()
STARTING = local()  # per user greenlet: the target whose sign-in its on_start is reading
current = 0  # the target of the current window, moved by the schedule greenlet
completed = [0] * len(TARGETS)
failed = [0] * len(TARGETS)
failure_messages = [Counter() for _ in TARGETS]


def target_sessions() -> dict:
    """The sessions of the target a user is starting on (replaces common.sessions)."""
    return TARGETS[STARTING.target]["sessions"]


common.sessions = target_sessions


def client_for(user: User, base_url: str) -> FastHttpSession:
    """A second client for the user, made as FastHttpUser makes its own."""
    return FastHttpSession(
        base_url=base_url, request_event=user.environment.events.request,
        network_timeout=user.network_timeout, connection_timeout=user.connection_timeout,
        max_redirects=user.max_redirects, max_retries=user.max_retries, insecure=user.insecure,
        concurrency=user.concurrency, user=user, client_pool=user.client_pool,
        ssl_context_factory=user.ssl_context_factory, headers=user.default_headers,
        proxy_host=user.proxy_host, proxy_port=user.proxy_port,
    )  # fmt: skip


class Interleaved:
    """Mixed in before a scenario's user class: its start-up runs once per target."""

    @property
    def number(self) -> int:
        return self.__dict__["interleave_number"]

    @number.setter
    def number(self, _value: int) -> None:
        """The user's number is drawn once, before the start-ups, and kept for every target."""

    def on_start(self) -> None:
        self.__dict__["interleave_number"] = next(NUMBERS)
        self.target_index, self.states = 0, []
        before = set(self.__dict__)
        for index, target in enumerate(TARGETS):
            STARTING.target = self.target_index = index
            if index:
                self.client = client_for(self, target["url"])
            super().on_start()
            self.state_keys = (set(self.__dict__) - before - {"state_keys"}) | {"client"}
            self.states.append({key: self.__dict__[key] for key in self.state_keys})

    def switch_to(self, index: int) -> None:
        self.states[self.target_index] = {key: self.__dict__[key] for key in self.state_keys}
        self.__dict__.update(self.states[index])
        self.target_index = index

    def next_task(self):
        if self.target_index != current:
            self.switch_to(current)
        return super().next_task()

    def context(self) -> dict:
        return {"interleave_target": self.target_index}


def interleaved_users(module) -> dict[str, type]:
    """The scenario's own (non-abstract) user classes, each with Interleaved mixed in."""
    return {
        name: type(name, (Interleaved, value), {"__module__": __name__})
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and issubclass(value, User)
        and not value.abstract
        and value.__module__ == module.__name__
    }


globals().update(
    interleaved_users(importlib.import_module(f"benchmarks.load.scenarios.{CONFIG['scenario']}"))
)


@events.request.add_listener
def count_request(context: dict, exception, name: str, **_kwargs) -> None:
    target = context.get("interleave_target")
    if target is None:
        return
    completed[target] += 1
    if exception is not None:
        failed[target] += 1
        failure_messages[target][f"{name}: {exception}"[:300]] += 1


def snapshot(window: int, workers: list[list[int]]) -> dict:
    return {
        "window": window,
        "monotonic": time.monotonic(),
        "cpu_ns": [total_run_time_ns(pids) for pids in workers],
        "requests": list(completed),
        "failures": list(failed),
        "generator_cpu_ns": run_time_ns(os.getpid()),
        "core_busy_ticks": cpu_busy_ticks(CONFIG["server_cpu"]),
    }


def run_schedule(environment: Environment) -> None:
    """Move the load from window to window; snapshot at every measured boundary; then stop."""
    global current  # read by every user between its tasks
    started = time.monotonic()
    boundaries, workers = [], []
    for window in range(SCHEDULE.boundaries.stop):
        gevent.sleep(max(0.0, started + SCHEDULE.start_of(window) - time.monotonic()))
        if window == SCHEDULE.warmup_windows:
            workers = [procstat.children(target["master_pid"]) for target in TARGETS]
        if SCHEDULE.opens_cycle(window):
            sequence.open_window()  # every target's Sequences start over, from the same seeds
        if window >= SCHEDULE.warmup_windows:
            boundaries.append(snapshot(window, workers))
        current = SCHEDULE.target_of(window)
    environment.runner.stop()
    record = {
        "boundaries": boundaries,
        "workers": workers,
        "workers_at_end": [procstat.children(target["master_pid"]) for target in TARGETS],
        "generator_cpus": len(os.sched_getaffinity(0)),
        "ticks_per_second": procstat.ticks_per_second(),
        "failure_messages": [dict(messages.most_common(20)) for messages in failure_messages],
    }
    Path(CONFIG["out"]).write_text(json.dumps(record, indent=1))
    environment.runner.quit()


@events.test_start.add_listener
def on_test_start(environment: Environment, **_kwargs) -> None:
    gevent.spawn(run_schedule, environment)
