"""Instructions per request of each scenario's request mix, from the counts of its request kinds.

Method: a scenario's share of each request kind (its locust name, signed in or out) comes from its
user-class weights and task weights, as in load/scenarios/: a user draws a task with probability
weight / sum of its class's weights, a task makes one or more requests, and the classes run in the
ratio of their weights; shares are requests of a kind over all requests. Every user is taken to
draw the same number of tasks (a closed loop with equal latencies). Alternatively, shares are read
off a load run's locust statistics (`endpoints`), split between signed in and out by the table's
own split. The mix figure is the sum over kinds of share times instructions per request of the kind.
"""

from collections import defaultdict
from dataclasses import dataclass

from benchmarks.instructions.results import KindShare, MixFigure
from benchmarks.instructions.specs import SIGNED_IN, SIGNED_OUT, kind_label


@dataclass(frozen=True)
class Task:
    weight: int
    requests: tuple[str, ...]  # locust names, in the order the task makes them


@dataclass(frozen=True)
class UserClass:
    weight: int
    who: str
    tasks: tuple[Task, ...]


LIST_TASKS = (
    Task(3, ("/",)),
    Task(1, ("/?page=[2-5]",)),
    Task(3, ("/tag/[tag]/",)),
    Task(2, ("/profile/[username]/",)),
)
READER_TASKS = (*LIST_TASKS, Task(5, ("/article/[slug]/",)))
SCENARIOS: dict[str, tuple[UserClass, ...]] = {
    "reader": (
        UserClass(3, SIGNED_OUT, READER_TASKS),
        UserClass(1, SIGNED_IN, (*READER_TASKS, Task(2, ("/feed/",)))),
    ),
    "writer": (
        UserClass(
            1,
            SIGNED_IN,
            (
                Task(1, ("/editor/", "POST /editor/")),
                Task(3, ("/article/[slug]/", "POST /article/[slug]/comments/")),
                Task(3, ("/article/[slug]/", "POST /article/[slug]/favorite/")),
            ),
        ),
    ),
    "api_client": (
        UserClass(
            1,
            SIGNED_IN,
            (
                Task(4, ("/api/articles",)),
                Task(2, ("/api/articles/feed",)),
                Task(4, ("/api/articles/[slug]",)),
                Task(1, ("POST /api/articles",)),
                Task(1, ("POST /api/articles/[slug]/favorite",)),
                Task(1, ("POST /api/articles/[slug]/comments",)),
            ),
        ),
    ),
    "probe_page": (UserClass(1, SIGNED_OUT, (Task(1, ("/login/",)),)),),
    "probe_json": (UserClass(1, SIGNED_IN, (Task(1, ("/api/tags",)),)),),
    "probe_write": (
        UserClass(1, SIGNED_IN, (Task(1, ("POST /article/[slug]/comments/ (one article)",)),)),
    ),
}


def table_shares(classes: tuple[UserClass, ...]) -> dict[str, float]:
    """{kind label: share of the scenario's requests}, from the weights alone."""
    requests: dict[str, float] = defaultdict(float)
    class_total = sum(user.weight for user in classes)
    for user in classes:
        task_total = sum(task.weight for task in user.tasks)
        for task in user.tasks:
            draws = (user.weight / class_total) * (task.weight / task_total)
            for name in task.requests:
                requests[kind_label(name, user.who)] += draws
    whole = sum(requests.values())
    return {label: count / whole for label, count in requests.items()}


def locust_shares(classes: tuple[UserClass, ...], endpoints: dict[str, dict]) -> dict[str, float]:
    """Shares from a run's locust endpoints ("GET /feed/": {"requests": n}), split by the table."""
    table = table_shares(classes)
    by_name: dict[str, dict[str, float]] = defaultdict(dict)
    for label, share in table.items():
        name, who = label.rsplit(" · ", 1)
        by_name[name][who] = share
    requests: dict[str, float] = defaultdict(float)
    for endpoint, figures in endpoints.items():
        name = endpoint.split(" ", 1)[1]
        split = by_name.get(name)
        if not split:
            continue  # e.g. probe_write's set-up page, made before the window
        for who, share in split.items():
            requests[kind_label(name, who)] += figures["requests"] * share / sum(split.values())
    whole = sum(requests.values())
    return {label: count / whole for label, count in requests.items()} if whole else {}


def mix_figure(scenario: str, shares: dict[str, float], per_request: dict[str, float]) -> MixFigure:
    """Sum of share times instructions per request; KeyError names a kind not counted."""
    missing = [label for label in shares if label not in per_request]
    if missing:
        raise KeyError(f"{scenario}: no count for {', '.join(missing)}")
    kinds = [KindShare(label, share, per_request[label]) for label, share in shares.items()]
    return MixFigure(scenario, sum(k.share * k.per_request for k in kinds), kinds)
