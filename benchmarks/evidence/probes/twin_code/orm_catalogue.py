"""The ORM catalogue's data and bookkeeping, shared by the two ORM probes (standard library only).

Each query counts as run when it executed, returned what the data implies, and the SQL the ORM
sent carries the construct (WITH, OVER, a two-column PRIMARY KEY, ON CONFLICT).
"""

import json

# (name, parent, score): a small tree for the recursive CTE and the ranking.
NODES = [("root", None, 5), ("a", "root", 3), ("b", "root", 7), ("a1", "a", 1), ("a2", "a", 9)]
UPSERTED = {"b": 70, "c": 2}  # b exists and is updated; c is new


def sibling_ranks() -> dict[str, int]:
    """Each node's rank among its siblings by score, highest first."""
    ranks = {}
    for name, parent, score in NODES:
        siblings = [other for _name, other_parent, other in NODES if other_parent == parent]
        ranks[name] = sorted(siblings, reverse=True).index(score) + 1
    return ranks


def subtree(root: str) -> set[str]:
    """The node and all its descendants."""
    found, frontier = {root}, {root}
    while frontier:
        frontier = {name for name, parent, _score in NODES if parent in frontier}
        found |= frontier
    return found


def report(catalogue: dict, run_one, versions: dict[str, str]) -> None:
    """Run each (attempt, construct) of the catalogue with run_one(attempt) -> the SQL it sent,
    and print which ran and why the others did not, as JSON."""
    ran, failed = [], {}
    for name, (attempt, construct) in catalogue.items():
        try:
            if construct not in run_one(attempt):
                raise AssertionError(f"the SQL sent holds no {construct}")
            ran.append(name)
        except Exception as error:  # every failure is an answer: this query did not run
            failed[name] = f"{type(error).__name__}: {error}"
    print(json.dumps({"ran": ran, "failed": failed, "versions": versions}))
