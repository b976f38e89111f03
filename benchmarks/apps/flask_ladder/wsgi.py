"""The ladder's WSGI app: `gunicorn benchmarks.apps.flask_ladder.wsgi:app`, LADDER_STEPS=1..6."""

import os

from benchmarks.apps.flask_ladder import create_app

app = create_app(
    int(os.environ["LADDER_STEPS"]),
    os.environ["DATABASE_URL"],
    os.environ.get("SECRET_KEY", "ladder-only-key"),
)
