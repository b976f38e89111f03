"""The bare app of flask_fresh with Flask-Login and a Flask-WTF sign-in form, as their docs do."""

from app_bare import USERS, app
from flask import redirect, render_template, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired

login_manager = LoginManager(app)


class User(UserMixin):
    def __init__(self, username):
        self.id = username


@login_manager.user_loader
def load_user(user_id):
    return User(user_id) if user_id in USERS else None


class SignInForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])


@app.route("/signin", methods=["GET", "POST"])
def signin():
    form = SignInForm()
    if form.validate_on_submit() and USERS.get(form.username.data) == form.password.data:
        login_user(User(form.username.data))
        return redirect(url_for("me"))
    return render_template("signin.html", form=form)


@app.route("/me")
@login_required
def me():
    return {"user": current_user.id}
