"""The ORM app of flask_fresh with Flask-Migrate, as its documentation sets it up."""

from app_orm import app, db
from flask_migrate import Migrate

migrate = Migrate(app, db)
