"""Flask's quickstart app, answering JSON: a view that returns a dict (`gunicorn hello:app`)."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return {"message": "Hello, World!"}
