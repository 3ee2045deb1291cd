"""Announcements: written in the admin, shown in the tour while current."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, or_, select, update

from hallbuilder.service.store import insert_id, utcnow
from hallbuilder.service.store.tables import announcements


def current(connection: Connection, hall_id: str, today: date) -> list[dict[str, Any]]:
    """Published, started, not ended; newest first."""
    query = select(announcements).where(
        announcements.c.hall_id == hall_id,
        announcements.c.published.is_(True),
        announcements.c.date <= today,
        or_(announcements.c.ends_on.is_(None), announcements.c.ends_on >= today),
    )
    query = query.order_by(announcements.c.date.desc(), announcements.c.id.desc())
    return [dict(row._mapping) for row in connection.execute(query)]


def every(connection: Connection, hall_id: str | None = None) -> list[dict[str, Any]]:
    query = select(announcements).order_by(announcements.c.date.desc(), announcements.c.id.desc())
    if hall_id:
        query = query.where(announcements.c.hall_id == hall_id)
    return [dict(row._mapping) for row in connection.execute(query)]


def get(connection: Connection, announcement_id: int) -> dict[str, Any] | None:
    row = connection.execute(select(announcements).where(announcements.c.id == announcement_id)).first()
    return dict(row._mapping) if row else None


def save(connection: Connection, announcement_id: int | None, **values: Any) -> int:
    """Create (id None) or update (hall_id, title, html, date, ends_on, published); return the id."""
    values["updated_at"] = utcnow()
    if announcement_id is None:
        return insert_id(connection, announcements.insert().values(**values))
    connection.execute(update(announcements).where(announcements.c.id == announcement_id).values(**values))
    return announcement_id


def remove(connection: Connection, announcement_id: int) -> None:
    connection.execute(delete(announcements).where(announcements.c.id == announcement_id))
