"""Run inside an environment holding only Django: locales, serializers, database backends, DRF."""

#     <env>/bin/python django_facts.py        (standard library and Django only; prints JSON)

import importlib
import importlib.util
import json
import re
from pathlib import Path

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    USE_TZ=True,
)
django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402 - needs the settings above
from django.core import serializers  # noqa: E402
from django.core.management import call_command  # noqa: E402

DJANGO = Path(django.__file__).parent


def locale_dirs() -> dict:
    folders = [path for path in (DJANGO / "conf" / "locale").iterdir() if path.is_dir()]
    folders = [path for path in folders if not path.name.startswith("__")]
    with_messages = [path for path in folders if (path / "LC_MESSAGES").is_dir()]
    return {"locale_dirs": len(folders), "locale_dirs_with_messages": len(with_messages)}


def is_backend(package: Path) -> bool:
    """A database ENGINE package: its base module defines DatabaseWrapper (Django's contract)."""
    base = package / "base.py"
    return (
        base.is_file()
        and re.search(r"^class DatabaseWrapper\b", base.read_text(), re.M) is not None
    )


def backends() -> dict:
    """Backend packages shipped in django/db/backends, and which of them import here."""
    shipped = sorted(
        path.name for path in (DJANGO / "db" / "backends").iterdir() if is_backend(path)
    )
    importable, failures = [], {}
    for name in shipped:
        try:
            importlib.import_module(f"django.db.backends.{name}.base")
            importable.append(name)
        except Exception as error:  # a backend whose driver is not installed
            failures[name] = f"{type(error).__name__}: {str(error)[:160]}"
    return {"shipped": shipped, "importable": importable, "import_errors": failures}


def field_values(user: User) -> dict:
    values = {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}
    values["groups"] = sorted(group.pk for group in user.groups.all())
    return values


def saved_user() -> User:
    """A User with a group, saved in an in-memory SQLite database."""
    call_command("migrate", verbosity=0, interactive=False)
    group = Group.objects.create(name="editors")
    user = User.objects.create_user("ada", "ada@example.com", first_name="Ada")  # no hash to pay
    user.groups.add(group)
    return user


def xml_roundtrip(user: User) -> dict:
    """The user serialized to XML and deserialized: are all its values equal?"""
    text = serializers.serialize("xml", [user])
    (restored,) = serializers.deserialize("xml", text)
    values = {field.attname: getattr(restored.object, field.attname)
              for field in User._meta.concrete_fields}  # fmt: skip
    values["groups"] = sorted(restored.m2m_data.get("groups", []))
    equal = type(restored.object) is User and values == field_values(user)
    return {"equal": equal, "xml_bytes": len(text.encode())}


def usable_formats(user: User) -> dict:
    """Formats that serialize the user here (a listed format may stand for a missing library)."""
    usable, errors = [], {}
    for name in sorted(serializers.get_serializer_formats()):
        try:
            serializers.serialize(name, [user])
            usable.append(name)
        except Exception as error:
            errors[name] = f"{type(error).__name__}: {str(error)[:160]}"
    return {"usable": usable, "errors": errors}


def main() -> None:
    user = saved_user()
    print(
        json.dumps(
            {
                "django": django.get_version(),
                **locale_dirs(),
                "serializers": sorted(serializers.get_serializer_formats()),
                "pyyaml_installed": importlib.util.find_spec("yaml") is not None,
                "serializers_usable": usable_formats(user),
                "xml_roundtrip": xml_roundtrip(user),
                "rest_framework_found": importlib.util.find_spec("rest_framework") is not None,
                "backends": backends(),
            }
        )
    )


if __name__ == "__main__":
    main()
