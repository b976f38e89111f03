"""Throwaway virtual environments for experiments on freshly made apps, built by uv from a lock.

Each environment is `var/evidence/envs/<name>`, synced from
`benchmarks/evidence/requirements/<name>.txt` (hash-locked from `<name>.in` by
`make lock-evidence`), and rebuilt whenever that lock changes. It holds nothing of the twins.
"""

import hashlib
import json
import subprocess
from pathlib import Path

from launcher import ROOT

UV = ROOT / ".venv" / "uv" / "bin" / "uv"
ENVS = ROOT / "var" / "evidence" / "envs"
REQUIREMENTS = Path(__file__).resolve().parent / "requirements"


def fresh_env(name: str) -> Path:
    """The python of environment `name`, built (or rebuilt) from its lock when needed."""
    lock = REQUIREMENTS / f"{name}.txt"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    home = ENVS / name
    marker = home / ".lock-sha256"
    python = home / "bin" / "python"
    if not (python.exists() and marker.exists() and marker.read_text() == digest):
        subprocess.run(
            [str(UV), "venv", "--quiet", "--allow-existing", "--python", "python3", str(home)],
            check=True,
        )
        subprocess.run(
            [str(UV), "pip", "sync", "--quiet", "--python", str(python), str(lock)], check=True
        )
        marker.write_text(digest)
    return python


def versions(python: Path, distributions: list[str]) -> dict[str, str]:
    """Installed version of each distribution in that environment ("absent" when it is not)."""
    script = (
        "import json, sys\nfrom importlib import metadata\nout = {}\n"
        "for name in sys.argv[1:]:\n"
        "    try: out[name] = metadata.version(name)\n"
        "    except metadata.PackageNotFoundError: out[name] = 'absent'\n"
        "print(json.dumps(out))"
    )
    result = subprocess.run(
        [str(python), "-c", script, *distributions], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)
