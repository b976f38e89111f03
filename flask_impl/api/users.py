"""The API's users and profiles: register, sign in, the current user, follow.

Plain Flask views: validation.py reads the input through the pages' own forms, the blueprints'
services do the work, the view commits, serializers.py shapes the answer.
Twin: django_impl/api/views.py (RegisterView to FollowView).
"""

from contextlib import suppress

from flask import Response, g, jsonify
from sqlalchemy import select

from flask_impl import throttling
from flask_impl.accounts import services as accounts
from flask_impl.accounts.forms import LoginForm, RegisterForm, SettingsForm
from flask_impl.accounts.models import User
from flask_impl.api import bp, validation
from flask_impl.api.auth import make_token, token_optional, token_required
from flask_impl.api.errors import refusal
from flask_impl.api.serializers import profile_json, user_json
from flask_impl.api.validation import API_META
from flask_impl.extensions import db


def user_response(user: User, status: int = 200) -> tuple[Response, int]:
    return jsonify(user=user_json(user, make_token(user))), status


@bp.post("/users")
def register():
    fields = validation.wrapped("user")
    data, errors = validation.form_data(fields, ("username", "email", "password"))
    form = RegisterForm(formdata=data, meta=API_META)
    validation.check(form, errors)
    user = accounts.create_user(form.username.data, form.email.data, form.password.data)
    validation.commit_account(form)
    return user_response(user, 201)


@bp.post("/users/login")
@throttling.per_address
@throttling.per_account
def login():
    data, errors = validation.form_data(validation.wrapped("user"), ("email", "password"))
    form = LoginForm(formdata=data, meta=API_META)
    validation.check(form, errors)
    if form.user is None:
        raise refusal(401, "credentials", "invalid")
    return user_response(form.user)


@bp.get("/user")
@token_required
def get_user():
    return user_response(g.user)


@bp.put("/user")
@token_required
def update_user():
    user, fields = g.user, validation.wrapped("user")
    data, errors = validation.form_data(fields, ("image", "username", "bio", "email", "password"))
    if "password" in fields and fields["password"] in (None, ""):  # the form would keep it
        errors["password"] = [validation.BLANK]
    form = SettingsForm(user, formdata=data, meta=API_META)
    validation.check(form, errors)
    accounts.update_settings(
        user,
        image=form.image.data,
        username=form.username.data,
        bio=form.bio.data,
        email=form.email.data,
        password=form.password.data,
    )
    validation.commit_account(form)
    return user_response(user)


def profile_or_404(username: str) -> User:
    return validation.one_or_404(
        select(User).where(User.username == username), "profile", username
    )[0]


@bp.get("/profiles/<username>")
@token_optional
def get_profile(username: str):
    profile = profile_or_404(username)
    following = g.user is not None and accounts.is_following(g.user, profile)
    return jsonify(profile=profile_json(profile, following))


@bp.post("/profiles/<username>/follow")
@token_required
def follow(username: str):
    profile = profile_or_404(username)
    try:
        accounts.follow(g.user, profile)
    except accounts.CannotFollowSelf:
        raise refusal(422, "profile", "cannot follow yourself") from None
    db.session.commit()
    return jsonify(profile=profile_json(profile, True))


@bp.delete("/profiles/<username>/follow")
@token_required
def unfollow(username: str):
    profile = profile_or_404(username)
    with suppress(accounts.CannotFollowSelf):  # nobody follows themselves: nothing to undo
        accounts.unfollow(g.user, profile)
    db.session.commit()
    return jsonify(profile=profile_json(profile, False))
