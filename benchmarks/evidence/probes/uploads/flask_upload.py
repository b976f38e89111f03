"""Probe (a Flask-only environment): a bare Flask view receives a multipart upload and saves it."""

import io
import json
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from flask import Flask, request
from werkzeug.utils import secure_filename

folder = Path(tempfile.mkdtemp())
app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024


@app.post("/upload")
def upload():
    file = request.files["file"]
    file.save(folder / secure_filename(file.filename))
    return {"saved": file.filename}


payload = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
client = app.test_client()
saved = client.post(
    "/upload", data={"file": (io.BytesIO(payload), "../../avatar.png")},
    content_type="multipart/form-data",
)  # fmt: skip
stored = folder / "avatar.png"
oversized = client.post(
    "/upload", data={"file": (io.BytesIO(b"x" * (2 * 1024 * 1024)), "big.bin")},
    content_type="multipart/form-data",
)  # fmt: skip
print(json.dumps({
    "status": saved.status_code,
    "saved": stored.exists() and stored.read_bytes() == payload,
    "escaped_folder": any(Path(folder).parent.parent.glob("avatar.png")),
    "oversized_status": oversized.status_code,
    "distributions": sorted(dist.metadata["Name"].lower() for dist in metadata.distributions()),
    "python": sys.version.split()[0],
}))  # fmt: skip
