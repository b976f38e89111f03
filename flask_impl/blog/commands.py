"""`flask load-seed PATH`. Twin: django_impl/blog/management/commands/load_seed.py."""

from pathlib import Path

import click
from flask.cli import with_appcontext

from flask_impl.blog.seed import load_seed


@click.command("load-seed")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def load_seed_command(path: Path) -> None:
    """Load a seed file (shared_spec/seed/seed.json) into an empty database."""
    click.echo(load_seed(path))
