"""Visitor identity: the visitors admitted each day, so one address can bring only so many new ones.

Revision ID: 0005_visitors
Revises: 0004_sessions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_visitors"
down_revision = "0004_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visitor_days",
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("visitor", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("day", "visitor", name="pk_visitor_days"),
    )


def downgrade() -> None:
    op.drop_table("visitor_days")
