"""Probe (Django twin's environment): every URL pattern of the Django twin's resolver, with the
HTTP methods its view accepts and whether it is written with path() or re_path()."""

import inspect
import json

import django
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

ANY_METHOD = ["*"]  # a function view without a method decorator takes every method


def class_view_methods(view_class):
    """What View.dispatch lets through: a listed method the class has a handler for."""
    allowed = []
    for method in view_class.http_method_names:
        handler = method if method != "head" else "get"  # View.setup maps HEAD to get()
        if hasattr(view_class, handler):
            allowed.append(method.upper())
    return sorted(allowed)


def function_view_methods(view):
    """The methods left by the require_http_methods decorators around a function view."""
    allowed = None
    current = view
    while current is not None:
        listed = inspect.getclosurevars(current).nonlocals.get("request_method_list")
        if listed is not None:
            allowed = set(listed) if allowed is None else allowed & set(listed)
        current = getattr(current, "__wrapped__", None)
    return ANY_METHOD if allowed is None else sorted(allowed)


def view_methods(view):
    view_class = getattr(view, "view_class", None)
    return class_view_methods(view_class) if view_class else function_view_methods(view)


def pattern_arguments(pattern):
    """The parameters a pattern captures: path() converters are named groups of its regex."""
    named = sorted(pattern.regex.groupindex)
    return named + ["(unnamed group)"] * (pattern.regex.groups - len(named))


def walk(patterns, prefix=""):
    for entry in patterns:
        text = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, text)
        elif isinstance(entry, URLPattern):
            yield {
                "route": "/" + text,
                "name": entry.name,
                "kind": "re_path" if isinstance(entry.pattern, RegexPattern) else "path",
                "methods": view_methods(entry.callback),
                "arguments": pattern_arguments(entry.pattern),
            }


def main():
    django.setup()
    print(json.dumps({"routes": list(walk(get_resolver().url_patterns))}))


if __name__ == "__main__":
    main()
