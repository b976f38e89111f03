"""Find a form by its data-testid and read what a browser would post: action, hidden inputs."""

# Standard library only, so both the harness and the locust scenarios use it (the harness must not
# import locust, which patches the standard library with gevent when imported).

import html
import re

FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.DOTALL | re.IGNORECASE)
INPUT = re.compile(r"<input\b(?P<attrs>[^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def attributes(text: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value) for name, value in ATTRIBUTE.findall(text)}


def find_form(page: str, testid: str) -> tuple[str, dict[str, str]] | None:
    """(action, hidden fields) of the form with this data-testid, or None when it is absent."""
    for match in FORM.finditer(page):
        form = attributes(match["attrs"])
        if form.get("data-testid") != testid:
            continue
        fields = {}
        for element in INPUT.finditer(match["body"]):
            field = attributes(element["attrs"])
            if field.get("type", "").lower() == "hidden" and "name" in field:
                fields[field["name"]] = field.get("value", "")
        return form.get("action", ""), fields
    return None
