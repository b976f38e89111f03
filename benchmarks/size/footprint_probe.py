"""Run inside one virtual environment: every distribution's requirements, size and lines."""

#     <venv>/bin/python -m benchmarks.size.footprint_probe CACHE.json     (from the repository root)
#
# Standard library only, since it runs with a twin's own interpreter. Prints JSON. Lines of Python
# per distribution are cached by name and version in CACHE.json, as counting them takes seconds.

import importlib.metadata
import json
import os
import platform
import sys
from pathlib import Path

from benchmarks.size.package_lines import python_lines


def markers() -> dict[str, str]:
    """PEP 508 environment markers of this interpreter, to evaluate requirements with."""
    return {
        "os_name": os.name,
        "sys_platform": sys.platform,
        "platform_machine": platform.machine(),
        "platform_python_implementation": platform.python_implementation(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "python_full_version": platform.python_version(),
        "implementation_name": sys.implementation.name,
        "implementation_version": platform.python_version(),
    }


def describe(distribution: importlib.metadata.Distribution, cache: dict) -> dict:
    name, version = distribution.metadata["Name"], distribution.version
    key = f"{name}=={version}"
    size, lines = 0, 0
    for file in distribution.files or []:
        path = Path(file.locate())
        if not path.is_file():
            continue
        size += path.stat().st_size
        if key not in cache and path.suffix == ".py":
            lines += python_lines(path.read_text(errors="replace"))
    cache.setdefault(key, lines)
    return {
        "name": name,
        "version": version,
        "requires": distribution.requires or [],
        "size_bytes": size,
        "python_lines": cache[key],
    }


def main() -> None:
    cache_path = Path(sys.argv[1])
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    distributions = [describe(item, cache) for item in importlib.metadata.distributions()]
    cache_path.write_text(json.dumps(cache, indent=0, sort_keys=True))
    print(json.dumps({"python": platform.python_version(), "markers": markers(),
                      "distributions": distributions}))  # fmt: skip


if __name__ == "__main__":
    main()
