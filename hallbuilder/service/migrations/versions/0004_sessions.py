"""Server-side admin sessions, trusted browsers and wrong-password records; salts become seeds.

`sessions` and `trusted_browsers` hold only the SHA-256 of tokens the browser keeps, so a copy of the database
cannot be replayed as a login. `login_failures` records wrong passwords per account, address or browser key
(hashes only) for the login limits. The salts stored before this revision were the salts themselves; from now
on a row is a seed that is useless without the secret key (see store/salts.py), so the old rows are deleted.

Revision ID: 0004_sessions
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sessions"
down_revision = "0003"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("user_id", BigId, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_sessions_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_table(
        "trusted_browsers",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("user_id", BigId, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_used_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_trusted_browsers_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_trusted_browsers"),
    )
    op.create_index("ix_trusted_browsers_user_id", "trusted_browsers", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])
    op.execute(sa.text("DELETE FROM salts"))


def downgrade() -> None:
    op.drop_table("login_failures")
    op.drop_table("trusted_browsers")
    op.drop_table("sessions")
