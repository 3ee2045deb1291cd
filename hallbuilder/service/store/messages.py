"""Private messages to the organisers: written by visitors, read only in the admin inbox."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from hallbuilder.service.store import insert_id, utcnow
from hallbuilder.service.store.tables import messages


def add(connection: Connection, **values: Any) -> int:
    """Insert (hall_id, name, contact, text, visitor); return the new id."""
    return insert_id(connection, messages.insert().values(**values, created_at=utcnow()))


def inbox(connection: Connection, hall_id: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    query = select(messages).order_by(messages.c.id.desc()).limit(limit)
    if hall_id:
        query = query.where(messages.c.hall_id == hall_id)
    return [dict(row._mapping) for row in connection.execute(query)]


def mark(connection: Connection, message_ids: list[int], what: str) -> int:
    """Mark messages `read` or `replied` (replied implies read)."""
    now = utcnow()
    values = {"read_at": now} if what == "read" else {"read_at": now, "replied_at": now}
    if what not in ("read", "replied"):
        raise ValueError(f"mark must be 'read' or 'replied', got {what!r}")
    query = update(messages).where(messages.c.id.in_(message_ids))
    if what == "read":
        query = query.where(messages.c.read_at.is_(None))
    return connection.execute(query.values(**values)).rowcount
