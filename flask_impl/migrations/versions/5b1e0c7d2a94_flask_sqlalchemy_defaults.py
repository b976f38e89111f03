"""Flask-SQLAlchemy's own table names and defaults

Tables take the names Flask-SQLAlchemy derives from the models, link tables key on their two
columns, ids are plain INTEGER, the password column fits Werkzeug's scrypt hash, last_login and
is_staff go, and a unique index on lower(username). Each table is created anew, its rows copied
and the old table dropped, which runs alike on SQLite and PostgreSQL.

Revision ID: 5b1e0c7d2a94
Revises: 874fe8f55d58
Create Date: 2026-12-04 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5b1e0c7d2a94'
down_revision = '874fe8f55d58'
branch_labels = None
depends_on = None

# (old table, new table, columns copied); parents before children.
TABLES = [
    ('accounts_user', 'user',
     ['id', 'password', 'username', 'email', 'bio', 'image', 'is_active', 'date_joined']),
    ('blog_tag', 'tag', ['id', 'name']),
    ('blog_article', 'article',
     ['id', 'slug', 'title', 'description', 'body', 'created_at', 'updated_at', 'author_id']),
    ('blog_comment', 'comment',
     ['id', 'body', 'created_at', 'updated_at', 'article_id', 'author_id']),
    ('accounts_user_following', 'follows', ['from_user_id', 'to_user_id']),
    ('blog_article_tags', 'article_tags', ['article_id', 'tag_id']),
    ('blog_article_favorited_by', 'article_favorites', ['article_id', 'user_id']),
]
WITH_IDS = ['user', 'tag', 'article', 'comment']


def copy_rows(source, target, columns):
    names = ', '.join(columns)
    op.execute(f'INSERT INTO "{target}" ({names}) SELECT {names} FROM "{source}"')


def reset_sequences(tables):
    """PostgreSQL: the next id after the copied ones (SQLite takes max(id) + 1 by itself)."""
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in tables:
        op.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
            f'COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table}"'
        )


def upgrade():
    op.create_table('user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('password', sa.String(length=162), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('bio', sa.Text(), nullable=True),
    sa.Column('image', sa.String(length=500), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('date_joined', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user')),
    sa.UniqueConstraint('email', name=op.f('uq_user_email')),
    sa.UniqueConstraint('username', name=op.f('uq_user_username'))
    )
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.create_index('uq_user_lower_username', [sa.text('lower(username)')], unique=True)

    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_name'))
    )
    op.create_table('article',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=255), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('description', sa.String(length=255), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_article_author_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article')),
    sa.UniqueConstraint('slug', name=op.f('uq_article_slug'))
    )
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_author_id'), ['author_id'], unique=False)

    op.create_table('comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_comment_article_id_article')),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_comment_author_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment'))
    )
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comment_author_id'), ['author_id'], unique=False)

    op.create_table('follows',
    sa.Column('from_user_id', sa.Integer(), nullable=False),
    sa.Column('to_user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['from_user_id'], ['user.id'], name=op.f('fk_follows_from_user_id_user')),
    sa.ForeignKeyConstraint(['to_user_id'], ['user.id'], name=op.f('fk_follows_to_user_id_user')),
    sa.PrimaryKeyConstraint('from_user_id', 'to_user_id', name=op.f('pk_follows'))
    )
    with op.batch_alter_table('follows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follows_to_user_id'), ['to_user_id'], unique=False)

    op.create_table('article_tags',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_article_tags_article_id_article')),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_article_tags_tag_id_tag')),
    sa.PrimaryKeyConstraint('article_id', 'tag_id', name=op.f('pk_article_tags'))
    )
    with op.batch_alter_table('article_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_tags_tag_id'), ['tag_id'], unique=False)

    op.create_table('article_favorites',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_article_favorites_article_id_article')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_article_favorites_user_id_user')),
    sa.PrimaryKeyConstraint('article_id', 'user_id', name=op.f('pk_article_favorites'))
    )
    with op.batch_alter_table('article_favorites', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_favorites_user_id'), ['user_id'], unique=False)

    for old, new, columns in TABLES:
        copy_rows(old, new, columns)
    reset_sequences(WITH_IDS)
    for old, _, _ in reversed(TABLES):
        op.drop_table(old)


def old_link_table(name, first, second):
    op.create_table(name,
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column(first[0], sa.BigInteger(), nullable=False),
    sa.Column(second[0], sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint([first[0]], [first[1]], name=op.f(f'fk_{name}_{first[0]}_{first[1].split(".")[0]}')),
    sa.ForeignKeyConstraint([second[0]], [second[1]], name=op.f(f'fk_{name}_{second[0]}_{second[1].split(".")[0]}')),
    sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')),
    sa.UniqueConstraint(first[0], second[0], name=op.f(f'uq_{name}_{first[0]}_{second[0]}'))
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f'ix_{name}_{first[0]}'), [first[0]], unique=False)
        batch_op.create_index(batch_op.f(f'ix_{name}_{second[0]}'), [second[0]], unique=False)


def downgrade():
    big_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
    op.create_table('accounts_user',
    sa.Column('id', big_id, nullable=False),
    sa.Column('password', sa.String(length=255), nullable=False),
    sa.Column('last_login', sa.DateTime(timezone=True), nullable=True),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('bio', sa.Text(), nullable=True),
    sa.Column('image', sa.String(length=500), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('is_staff', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('date_joined', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts_user')),
    sa.UniqueConstraint('email', name=op.f('uq_accounts_user_email')),
    sa.UniqueConstraint('username', name=op.f('uq_accounts_user_username'))
    )
    op.create_table('blog_tag',
    sa.Column('id', big_id, nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blog_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_blog_tag_name'))
    )
    op.create_table('blog_article',
    sa.Column('id', big_id, nullable=False),
    sa.Column('slug', sa.String(length=255), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('description', sa.String(length=255), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts_user.id'], name=op.f('fk_blog_article_author_id_accounts_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blog_article')),
    sa.UniqueConstraint('slug', name=op.f('uq_blog_article_slug'))
    )
    with op.batch_alter_table('blog_article', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blog_article_author_id'), ['author_id'], unique=False)

    op.create_table('blog_comment',
    sa.Column('id', big_id, nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('author_id', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['blog_article.id'], name=op.f('fk_blog_comment_article_id_blog_article')),
    sa.ForeignKeyConstraint(['author_id'], ['accounts_user.id'], name=op.f('fk_blog_comment_author_id_accounts_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blog_comment'))
    )
    with op.batch_alter_table('blog_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blog_comment_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_blog_comment_author_id'), ['author_id'], unique=False)

    old_link_table('accounts_user_following', ('from_user_id', 'accounts_user.id'), ('to_user_id', 'accounts_user.id'))
    old_link_table('blog_article_tags', ('article_id', 'blog_article.id'), ('tag_id', 'blog_tag.id'))
    old_link_table('blog_article_favorited_by', ('article_id', 'blog_article.id'), ('user_id', 'accounts_user.id'))

    for old, new, columns in TABLES:
        copy_rows(new, old, columns)
    reset_sequences([old for old, *_ in TABLES])
    for _, new, _ in reversed(TABLES):
        op.drop_table(new)
