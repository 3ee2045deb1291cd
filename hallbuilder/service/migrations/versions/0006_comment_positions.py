"""Pinned comments: where in its scene a comment was written (yaw and pitch in degrees), or nothing.

Revision ID: 0006_comment_positions
Revises: 0005_visitors
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_comment_positions"
down_revision = "0005_visitors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("yaw", sa.Float, nullable=True))
        batch.add_column(sa.Column("pitch", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("pitch")
        batch.drop_column("yaw")
