"""All SQL of the service lives in this package: one module per kind of record, functions on a Connection."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite


def utcnow() -> datetime:
    """Naive UTC, the way every time is stored."""
    return datetime.now(UTC).replace(tzinfo=None)


def upsert(connection: Connection, table: Table):
    """The dialect's INSERT that supports ON CONFLICT (SQLite and PostgreSQL spell it the same)."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def insert_id(connection: Connection, statement: Insert) -> int:
    """Run a one-row INSERT and return the new row's id."""
    key = connection.execute(statement).inserted_primary_key
    if key is None:  # only for many-row inserts, which no caller makes
        raise ValueError(f"no primary key from {statement}")
    return int(key[0])
