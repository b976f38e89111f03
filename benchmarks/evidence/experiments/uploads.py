"""File uploads in bare Flask: Werkzeug's multipart parsing, FileStorage.save, secure_filename."""

import json
import subprocess

from benchmarks.evidence.envs import fresh_env, versions
from benchmarks.evidence.experiment import Context, Outcome
from launcher import ROOT

NAME = "uploads"
TITLE = "A bare Flask app (no extension installed) receives and saves an uploaded file"
ESTIMATE_S = (5, 5)
PROBE = "benchmarks/evidence/probes/uploads/flask_upload.py"
FIGURES = {
    "flask_bare_upload_saved": "the uploaded bytes were saved intact by a bare Flask view (bool)",
    "flask_bare_upload_status": "HTTP status of that upload",
    "flask_upload_filename_sanitised": "'../../avatar.png' saved inside the folder (bool)",
    "flask_oversized_upload_status": "status of a 2 MiB upload with MAX_CONTENT_LENGTH 1 MiB",
    "flask_env_distributions": "distributions installed in that environment (sorted list)",
}


def run(context: Context) -> Outcome:
    python = fresh_env("flask-only")
    result = subprocess.run(
        [str(python), PROBE], capture_output=True, text=True, timeout=120, check=True,
        cwd=ROOT,
    )  # fmt: skip
    probe = json.loads(result.stdout)
    figures = {
        "flask_bare_upload_saved": probe["saved"],
        "flask_bare_upload_status": probe["status"],
        "flask_upload_filename_sanitised": probe["saved"] and not probe["escaped_folder"],
        "flask_oversized_upload_status": probe["oversized_status"],
        "flask_env_distributions": probe["distributions"],
    }
    return Outcome(figures, versions(python, ["flask", "werkzeug"]))
