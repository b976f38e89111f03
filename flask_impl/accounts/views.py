"""Sign-up, sign-in, sign-out, settings, follow. Twin: django_impl/accounts/views.py."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from flask_impl import throttling
from flask_impl.accounts import bp, services
from flask_impl.accounts.forms import LoginForm, RegisterForm, SettingsPageForm
from flask_impl.accounts.models import User
from flask_impl.extensions import db
from flask_impl.helpers import form_status, redirect_to_next


@bp.route("/register/", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("blog.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        user = services.create_user(form.username.data, form.email.data, form.password.data)
        try:
            db.session.commit()
        except IntegrityError:  # a concurrent sign-up took the username or email first
            db.session.rollback()
            if form.validate():  # checked again, the form now says which one is taken
                raise
        else:
            login_user(user)
            return redirect(url_for("blog.home"))
    return render_template("accounts/register.html", form=form), form_status(form)


@bp.route("/login/", methods=["GET", "POST"])
@throttling.per_address
@throttling.per_account
def login():
    if current_user.is_authenticated:
        return redirect(url_for("blog.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        login_user(form.user)
        return redirect_to_next(url_for("blog.home"))
    return render_template("accounts/login.html", form=form), form_status(form)


@bp.post("/logout/")
def logout():
    """Sign-out ends the session on the server too: a copy of its cookie signs no one in."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    return redirect(url_for("blog.home"))


@bp.route("/settings/", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsPageForm(current_user)
    if form.validate_on_submit():
        services.update_settings(
            current_user,
            image=form.image.data,
            username=form.username.data,
            bio=form.bio.data,
            email=form.email.data,
            password=form.password.data,
        )
        db.session.commit()
        if form.password.data:
            # The new password ended every session, this one too: sign in with the new token.
            login_user(current_user._get_current_object())
        flash(_("Your settings are saved."))
        return redirect(url_for("accounts.settings"))
    return render_template("accounts/settings.html", form=form), form_status(form)


@bp.post("/profile/<username>/follow/")
@login_required
def follow(username: str):
    profile = db.one_or_404(select(User).where(User.username == username))
    try:
        services.follow(current_user, profile)
    except services.CannotFollowSelf:
        abort(400, _("You cannot follow yourself."))
    db.session.commit()
    return redirect_to_next(url_for("blog.profile", username=profile.username))


@bp.post("/profile/<username>/unfollow/")
@login_required
def unfollow(username: str):
    profile = db.one_or_404(select(User).where(User.username == username))
    try:
        services.unfollow(current_user, profile)
    except services.CannotFollowSelf:
        abort(400, _("You cannot unfollow yourself."))
    db.session.commit()
    return redirect_to_next(url_for("blog.profile", username=profile.username))
