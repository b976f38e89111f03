"""`make bench`: python -m benchmarks [--quick] [--host NAME=URL] [--processes N] [...]."""

import argparse

from benchmarks.bench import run
from benchmarks.load.plan import HEADLINE_SCENARIOS

TWIN_NAMES = ("django", "flask")


def host_pair(text: str) -> tuple[str, str]:
    name, _, url = text.partition("=")
    if name not in TWIN_NAMES or not url.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError("expected NAME=URL, e.g. flask=http://10.0.0.5:5000")
    return name, url.rstrip("/")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="reduced set, at most 5 minutes")
    parser.add_argument("--twins", default=",".join(TWIN_NAMES), help="comma-separated twins")
    parser.add_argument(
        "--host", action="append", type=host_pair, default=[], metavar="NAME=URL",
        help="measure a twin already running elsewhere (loaded with the same seed file)",
    )  # fmt: skip
    parser.add_argument(
        "--processes", type=int, default=1,
        help="locust worker processes (distributed on this host; CPU is summed over them)",
    )  # fmt: skip
    parser.add_argument(
        "--generator-cores", type=int, default=1, help="cores given to locust (the rest: server)"
    )
    parser.add_argument(
        "--scenarios", default=",".join(HEADLINE_SCENARIOS),
        help=f"headline scenarios to run (default all: {', '.join(HEADLINE_SCENARIOS)})",
    )  # fmt: skip
    options = parser.parse_args()
    options.twins = [name for name in options.twins.split(",") if name]
    options.hosts = dict(options.host)
    chosen = set(options.scenarios.split(","))
    unknown = chosen - set(HEADLINE_SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
    options.skipped = frozenset(set(HEADLINE_SCENARIOS) - chosen)
    run(options)


if __name__ == "__main__":
    main()
