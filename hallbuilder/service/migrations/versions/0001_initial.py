"""Initial schema: halls, scenes, comments, messages, announcements, views, limits, words, users, audit.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "halls",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("tour_url", sa.Text, nullable=False),
        sa.Column("moderation", sa.String(8), nullable=False),
        sa.Column("registered_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_halls"),
    )
    op.create_table(
        "scenes",
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["halls.id"], name="fk_scenes_hall_id_halls", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("hall_id", "id", name="pk_scenes"),
    )
    op.create_table(
        "comments",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("scene", sa.String(64), nullable=True),
        sa.Column("nickname", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("visitor", sa.String(32), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["halls.id"], name="fk_comments_hall_id_halls", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_comments"),
    )
    op.create_index("ix_comments_hall_status_id", "comments", ["hall_id", "status", "id"])
    op.create_index("ix_comments_visitor_text", "comments", ["visitor", "text_hash"])
    op.create_table(
        "messages",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("visitor", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("read_at", sa.DateTime, nullable=True),
        sa.Column("replied_at", sa.DateTime, nullable=True),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["halls.id"], name="fk_messages_hall_id_halls", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
    )
    op.create_index("ix_messages_hall_id", "messages", ["hall_id", "id"])
    op.create_table(
        "announcements",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=True),
        sa.Column("published", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["halls.id"], name="fk_announcements_hall_id_halls", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_announcements"),
    )
    op.create_table(
        "views",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("visitor", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_views_hall_id_halls", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_views"),
    )
    op.create_index("ix_views_hall_kind_day", "views", ["hall_id", "kind", "day"])
    op.create_table(
        "salts",
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("day", name="pk_salts"),
    )
    op.create_table(
        "rate_hits",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("window", sa.BigInteger, nullable=False),
        sa.Column("hits", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("key", "window", name="pk_rate_hits"),
    )
    op.create_table(
        "words",
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("word", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_words_hall_id_halls", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hall_id", "word", name="pk_words"),
    )
    op.create_table(
        "users",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )


def downgrade() -> None:
    for table in (
        "audit_log",
        "users",
        "words",
        "rate_hits",
        "salts",
        "views",
        "announcements",
        "messages",
        "comments",
        "scenes",
        "halls",
    ):
        op.drop_table(table)
