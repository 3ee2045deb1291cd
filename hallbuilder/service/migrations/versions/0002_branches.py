"""Branch showcases: branches per hall, likes, and a branch scope for users.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branches",
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["halls.id"], name="fk_branches_hall_id_halls", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("hall_id", "id", name="pk_branches"),
    )
    op.create_table(
        "likes",
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("branch", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("visitor", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"], name="fk_likes_hall_id_halls", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hall_id", "branch", "day", "visitor", name="pk_likes"),
    )
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("hall_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("branch_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("branch_id")
        batch.drop_column("hall_id")
    op.drop_table("likes")
    op.drop_table("branches")
