"""`manage.py load_seed PATH`. Twin: `flask --app flask_impl load-seed PATH`."""

from pathlib import Path

from django.core.management.base import BaseCommand

from blog.seed import load_seed


class Command(BaseCommand):
    help = "Load a shared_spec/seed JSON file into an empty database (does nothing otherwise)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        self.stdout.write(load_seed(path))
