"""The ORM app of flask_fresh with Flask-Admin and one ModelView, as its docs' first example."""

from app_orm import Note, app, db
from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView

admin = Admin(app, name="notes")
admin.add_view(ModelView(Note, db.session))
