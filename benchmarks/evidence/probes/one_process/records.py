"""What a run of both twins in one process leaves behind, read: pytest's JUnit XML and gunicorn's
access log (one line per request: the request line, the status and the `X-Worker-Pid` header)."""

import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from dataclasses import dataclass

# gunicorn's --access-logformat: the raw request line (the path before the dispatcher strips the
# prefix), the status, and the response header the probe's wrapper adds.
ACCESS_LOG_FORMAT = "%(r)s %(s)s %({x-worker-pid}o)s"


@dataclass(frozen=True)
class SliceResult:
    """One run of the suite's slice, from its JUnit XML."""

    node_ids: list[str]
    passed: int
    failed: int  # failures and errors
    skipped: int
    failed_ids: list[str]


def node_id(case: ElementTree.Element) -> str:
    """pytest's node id of a JUnit test case (`tests.api.test_tags` -> `tests/api/test_tags.py`)."""
    parts = case.get("classname", "").split(".")
    # A test inside a class has the class as the classname's last dotted part.
    test_class = parts.pop() if parts and parts[-1][:1].isupper() else ""
    path = "/".join(parts) + ".py"
    return "::".join(part for part in (path, test_class, case.get("name", "")) if part)


def read_junit(xml_text: str) -> SliceResult:
    root = ElementTree.fromstring(xml_text)
    ids, failed_ids, skipped = [], [], 0
    for case in root.iter("testcase"):
        ids.append(node_id(case))
        outcomes = {child.tag for child in case}
        if outcomes & {"failure", "error"}:
            failed_ids.append(ids[-1])
        elif "skipped" in outcomes:
            skipped += 1
    passed = len(ids) - len(failed_ids) - skipped
    return SliceResult(ids, passed, len(failed_ids), skipped, failed_ids)


def requests_by_prefix(access_log: str) -> dict[str, Counter]:
    """prefix (a path's first segment: `/django`) -> requests each worker pid answered under it."""
    served: dict[str, Counter] = defaultdict(Counter)
    for line in access_log.splitlines():
        fields = line.split()
        if len(fields) != 5 or not fields[4].isdigit():
            continue  # not a request line of ours (e.g. a pid header absent: "-")
        path = fields[1].split("?", 1)[0]
        prefix = "/" + path.lstrip("/").split("/", 1)[0]
        served[prefix][int(fields[4])] += 1
    return dict(served)


def pids_serving_all(served: dict[str, Counter], prefixes: list[str]) -> list[int]:
    """The worker pids that answered at least one request under every one of prefixes."""
    common = set.intersection(*(set(served.get(prefix, {})) for prefix in prefixes))
    return sorted(common)
