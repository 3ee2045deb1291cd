"""Branch self-service: submitted achievements awaiting approval, and their photos.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "showcase_submissions",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("hall_id", sa.String(64), nullable=False),
        sa.Column("branch_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("category", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("submitted_by", sa.String(64), nullable=False),
        sa.Column("reviewed_by", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=True),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["halls.id"], name="fk_showcase_submissions_hall_id_halls", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_showcase_submissions"),
    )
    op.create_index(
        "ix_showcase_submissions_hall_branch_status",
        "showcase_submissions",
        ["hall_id", "branch_id", "status"],
    )
    op.create_table(
        "showcase_photos",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("submission_id", BigId, nullable=False),
        sa.Column("mime", sa.String(32), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["showcase_submissions.id"],
            name="fk_showcase_photos_submission_id_showcase_submissions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_showcase_photos"),
    )
    op.create_index("ix_showcase_photos_submission_id", "showcase_photos", ["submission_id"])


def downgrade() -> None:
    op.drop_table("showcase_photos")
    op.drop_table("showcase_submissions")
