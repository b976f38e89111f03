"""Probe (Flask twin's environment): the blueprints and URL rules of its create_app()."""

import json
import os

from flask_impl import create_app


def blueprint_entry(name, blueprint):
    loader = blueprint.jinja_loader  # None unless the blueprint names a template_folder
    folders = list(getattr(loader, "searchpath", []))
    return {
        "name": name,
        "template_folder": blueprint.template_folder,
        "template_folder_exists": bool(folders) and all(os.path.isdir(path) for path in folders),
    }


def main():
    app = create_app()
    blueprints = [blueprint_entry(name, blueprint) for name, blueprint in app.blueprints.items()]
    routes = [
        {
            "route": rule.rule,
            "endpoint": rule.endpoint,
            "methods": sorted(rule.methods or []),
            "arguments": sorted(rule.arguments),
        }
        for rule in app.url_map.iter_rules()
    ]
    print(json.dumps({"blueprints": blueprints, "routes": routes}))


if __name__ == "__main__":
    main()
