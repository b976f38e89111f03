"""A session token per user, Flask-Login's alternative token

Sessions hold the token instead of the user's id, so a new token ends them. Each existing user
gets a token of its own; sessions from before hold an id, which no token matches, and end.
On SQLite the table is made anew, which loses the expression index on lower(username): it is
made again.

Revision ID: 273c7c3dfc66
Revises: 5b1e0c7d2a94
Create Date: 2026-12-04 20:15:21.775076

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '273c7c3dfc66'
down_revision = '5b1e0c7d2a94'
branch_labels = None
depends_on = None


def restore_lower_username_index():
    """SQLite's batch copy of the table leaves out expression indexes; PostgreSQL keeps them."""
    if op.get_bind().dialect.name == 'sqlite':
        op.create_index('uq_user_lower_username', 'user', [sa.text('lower(username)')], unique=True)


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=32), nullable=True))

    user = sa.table('user', sa.column('id', sa.Integer), sa.column('session_token', sa.String))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(user.c.id)).all():
        connection.execute(
            user.update().where(user.c.id == user_id).values(session_token=secrets.token_hex(16))
        )

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_user_session_token'), ['session_token'])
    restore_lower_username_index()


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_user_session_token'), type_='unique')
        batch_op.drop_column('session_token')
    restore_lower_username_index()
