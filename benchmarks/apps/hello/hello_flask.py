"""The smallest Flask app that answers one request. Twin: benchmarks/hello/hello_django.py."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello, World!"
