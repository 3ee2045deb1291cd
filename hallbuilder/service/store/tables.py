"""The one schema, for SQLite and PostgreSQL alike (Alembic migrations create exactly this).

Times are naive UTC; days are UTC dates. Visitors appear only as salted daily hashes, never as addresses.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL wants BIGINT for event tables.
BigId = BigInteger().with_variant(Integer, "sqlite")
HallId = String(64)
Visitor = String(32)

halls = Table(
    "halls",
    metadata,
    Column("id", HallId, primary_key=True),
    Column("title", Text, nullable=False),
    Column("tour_url", Text, nullable=False, default=""),
    Column("moderation", String(8), nullable=False, default="pre"),
    Column("registered_at", DateTime, nullable=False),
)

scenes = Table(
    "scenes",
    metadata,
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("title", Text, nullable=False),
)

branches = Table(
    "branches",
    metadata,
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), nullable=False),
    Column("scene", String(64), nullable=True),
    Column("nickname", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("visitor", Visitor, nullable=False),
    Column("text_hash", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    # A pinned comment's place in its scene, in degrees (yaw -180..180, pitch -90..90); NULL when not pinned.
    Column("yaw", Float, nullable=True),
    Column("pitch", Float, nullable=True),
    Index("ix_comments_hall_status_id", "hall_id", "status", "id"),
    Index("ix_comments_visitor_text", "visitor", "text_hash"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("contact", String(200), nullable=False, default=""),
    Column("text", Text, nullable=False),
    Column("visitor", Visitor, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("read_at", DateTime, nullable=True),
    Column("replied_at", DateTime, nullable=True),
    Index("ix_messages_hall_id", "hall_id", "id"),
)

announcements = Table(
    "announcements",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), nullable=False),
    Column("title", Text, nullable=False),
    Column("html", Text, nullable=False),
    Column("date", Date, nullable=False),
    Column("ends_on", Date, nullable=True),
    Column("published", Boolean, nullable=False, default=True),
    Column("updated_at", DateTime, nullable=False),
)

views = Table(
    "views",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # "scene" or "branch"
    Column("target", String(64), nullable=False),
    Column("day", Date, nullable=False),
    Column("visitor", Visitor, nullable=False),
    Index("ix_views_hall_kind_day", "hall_id", "kind", "day"),
)

likes = Table(
    "likes",
    metadata,
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), primary_key=True),
    Column("branch", String(64), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("visitor", Visitor, primary_key=True),
)

salts = Table(
    "salts",
    metadata,
    Column("day", Date, primary_key=True),
    Column("salt", String(64), nullable=False),
)

# Visitors admitted per UTC day (salted hashes, dropped after two days): caps the new visitors per address.
visitor_days = Table(
    "visitor_days",
    metadata,
    Column("day", Date, primary_key=True),
    Column("visitor", Visitor, primary_key=True),
)

rate_hits = Table(
    "rate_hits",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("window", BigInteger, primary_key=True),
    Column("hits", Integer, nullable=False),
)

words = Table(
    "words",
    metadata,
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), primary_key=True),
    Column("word", String(100), primary_key=True),
    Column("kind", String(8), nullable=False),  # "block" or "review"
)

users = Table(
    "users",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),  # "organiser" or "branch"
    Column("hall_id", HallId, nullable=True),  # branch scope: hall and branch
    Column("branch_id", String(64), nullable=True),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("username"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", Text, nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
)

# Branch self-service: achievements a branch submits, waiting for an organiser's approval, and their photos.
showcase_submissions = Table(
    "showcase_submissions",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("hall_id", HallId, ForeignKey("halls.id", ondelete="CASCADE"), nullable=False),
    Column("branch_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),  # "pending", "approved" or "rejected"
    Column("title", Text, nullable=False),
    Column("date", Date, nullable=False),
    Column("category", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("submitted_by", String(64), nullable=False),
    Column("reviewed_by", String(64), nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("reviewed_at", DateTime, nullable=True),
    Index("ix_showcase_submissions_hall_branch_status", "hall_id", "branch_id", "status"),
)

showcase_photos = Table(
    "showcase_photos",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("submission_id", BigId, ForeignKey("showcase_submissions.id", ondelete="CASCADE"), nullable=False),
    Column("mime", String(32), nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_showcase_photos_submission_id", "submission_id"),
)

# Admin logins. Tokens are kept by the browser; only their SHA-256 is stored (a database copy is no login).
sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the session token in the admin cookie
    Column("user_id", BigId, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Index("ix_sessions_user_id", "user_id"),
)

trusted_browsers = Table(
    "trusted_browsers",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the token in a browser that logged in before
    Column("user_id", BigId, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime, nullable=False),
    Index("ix_trusted_browsers_user_id", "user_id"),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False),  # "a:" address hash, "u:" account hash or "b:" browser hash
    Column("at", DateTime, nullable=False),
    Index("ix_login_failures_key_at", "key", "at"),
)
