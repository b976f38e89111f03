"""Run inside one environment: each installed distribution's requirements, RECORD size and lines."""

#     <env>/bin/python inventory.py        (standard library only; prints JSON on stdout)
#
# Sizes are the byte counts RECORD states for each file (an entry without one, such as RECORD
# itself, counts nothing); lines are the non-blank lines of the .py files RECORD lists.

import importlib.metadata
import json
import os
import platform
import sys
import sysconfig
from pathlib import Path


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


def non_blank_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def wheel_tags(wheel_metadata: str) -> list[str]:
    """The `Tag:` values of a distribution's WHEEL file (none if it was not installed from one)."""
    return [line.split(":", 1)[1].strip() for line in wheel_metadata.splitlines()
            if line.startswith("Tag:")]  # fmt: skip


def describe(distribution: importlib.metadata.Distribution) -> dict:
    record_bytes, python_files, python_lines = 0, 0, 0
    for file in distribution.files or []:
        record_bytes += file.size or 0
        if file.suffix == ".py":
            path = Path(file.locate())
            if path.is_file():
                python_files += 1
                python_lines += non_blank_lines(path.read_text(errors="replace"))
    return {
        "name": distribution.metadata["Name"],
        "version": distribution.version,
        "requires": distribution.requires or [],
        "wheel_tags": wheel_tags(distribution.read_text("WHEEL") or ""),
        "record_bytes": record_bytes,
        "python_files": python_files,
        "python_lines": python_lines,
    }


def main() -> None:
    distributions = sorted(
        (describe(item) for item in importlib.metadata.distributions()),
        key=lambda item: item["name"].lower(),
    )
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "markers": markers(),
                "site_packages": sysconfig.get_paths()["purelib"],
                "distributions": distributions,
            }
        )
    )


if __name__ == "__main__":
    main()
