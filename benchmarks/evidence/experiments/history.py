"""First releases on PyPI of Flask, Jinja2 and Django, read from PyPI's JSON API."""

import requests

from benchmarks.evidence.experiment import Context, Outcome

NAME = "history"
TITLE = "The earliest upload of each project's releases on PyPI"
ESTIMATE_S = (5, 5)
PROJECTS = {"flask": "Flask", "jinja2": "Jinja2", "django": "Django"}
FIGURES = {
    **{
        f"{key}_first_release_date": f"date of the earliest file uploaded for {name} (ISO)"
        for key, name in PROJECTS.items()
    },
    **{
        f"{key}_first_release_year": f"year of that upload ({name})"
        for key, name in PROJECTS.items()
    },
    **{
        f"{key}_first_release_version": f"the release of that upload ({name})"
        for key, name in PROJECTS.items()
    },
}


def earliest(releases: dict[str, list[dict]]) -> tuple[str, str] | None:
    """(upload time, version) of the earliest file of any release."""
    uploads = [(file["upload_time"], version) for version, files in releases.items()
               for file in files]  # fmt: skip
    return min(uploads) if uploads else None


def run(context: Context) -> Outcome:
    figures, notes = {}, []
    for key, name in PROJECTS.items():
        try:
            response = requests.get(f"https://pypi.org/pypi/{name}/json", timeout=20)
            response.raise_for_status()
            first = earliest(response.json()["releases"])
        except (requests.RequestException, ValueError, KeyError) as error:
            notes.append(f"{name}: PyPI not reachable or unreadable ({error}); figures left out")
            continue
        if first:
            figures[f"{key}_first_release_date"] = first[0][:10]
            figures[f"{key}_first_release_year"] = int(first[0][:4])
            figures[f"{key}_first_release_version"] = first[1]
    notes.append("Django's first public releases (2005) predate its uploads to PyPI.")
    return Outcome(figures, {"pypi.org JSON API": "live"}, notes)
