"""The load-seed command. Twin: django_impl/blog/tests/test_seed.py."""

import json
from datetime import UTC, datetime

from sqlalchemy import func, select

from flask_impl.accounts.models import User
from flask_impl.blog.models import Article, Comment
from flask_impl.config import REPO
from flask_impl.extensions import db

SEED = REPO / "shared_spec" / "seed" / "seed.json"


def test_load_seed_inserts_everything_in_file_order_with_its_timestamps(app, runner):
    data = json.loads(SEED.read_text())

    result = runner.invoke(args=["load-seed", str(SEED)])

    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Comment.id))) == len(data["comments"])
        first = db.session.get(Article, 1)
        assert first.slug == data["articles"][0]["slug"]
        assert first.created_at == datetime.fromisoformat(data["articles"][0]["created_at"])
        assert first.created_at.tzinfo == UTC
        demo = db.session.get(User, 1)
        assert demo.username == data["demo"]["username"]
        assert demo.check_password(data["demo"]["password"])


def test_load_seed_leaves_a_database_with_users_alone(app, runner):
    runner.invoke(args=["load-seed", str(SEED)])

    result = runner.invoke(args=["load-seed", str(SEED)])

    assert result.exit_code == 0
    assert "not loaded" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(User.id))) == len(
            json.loads(SEED.read_text())["users"]
        )
