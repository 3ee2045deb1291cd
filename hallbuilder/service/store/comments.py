"""Comments: stored as raw text with a status; only `published` ones are ever listed publicly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from hallbuilder.service.store import insert_id, utcnow
from hallbuilder.service.store.tables import comments

STATUSES = ("pending", "published", "rejected", "spam", "deleted")
PUBLIC_COLUMNS = (
    comments.c.id,
    comments.c.scene,
    comments.c.nickname,
    comments.c.text,
    comments.c.created_at,
    comments.c.yaw,
    comments.c.pitch,
)


def add(connection: Connection, **values: Any) -> dict[str, Any]:
    """Insert a comment (hall_id, scene, nickname, text, status, reason, visitor, text_hash, and yaw and pitch
    when pinned); return it."""
    now = utcnow()
    values = {"reason": "", **values, "created_at": now, "updated_at": now}
    comment_id = insert_id(connection, comments.insert().values(**values))
    return {"id": comment_id, **values}


def get(connection: Connection, comment_id: int) -> dict[str, Any] | None:
    row = connection.execute(select(comments).where(comments.c.id == comment_id)).first()
    return dict(row._mapping) if row else None


def published(
    connection: Connection, hall_id: str, scene: str | None, after_id: int, limit: int
) -> list[dict[str, Any]]:
    """Approved comments after `after_id`, oldest first; `scene=None` means the whole hall."""
    query = select(*PUBLIC_COLUMNS).where(
        comments.c.hall_id == hall_id, comments.c.status == "published", comments.c.id > after_id
    )
    if scene is not None:
        query = query.where(comments.c.scene == scene)
    return [dict(row._mapping) for row in connection.execute(query.order_by(comments.c.id).limit(limit))]


def last_published_id(connection: Connection, hall_id: str) -> int:
    query = select(func.max(comments.c.id)).where(
        comments.c.hall_id == hall_id, comments.c.status == "published"
    )
    return connection.scalar(query) or 0


def duplicate_exists(connection: Connection, visitors: list[str], text_hash: str, since: datetime) -> bool:
    """Whether one of these visitor hashes posted the same text since `since` (deleted ones count too)."""
    query = select(comments.c.id).where(
        comments.c.visitor.in_(visitors), comments.c.text_hash == text_hash, comments.c.created_at >= since
    )
    return connection.execute(query.limit(1)).first() is not None


def edit(connection: Connection, comment_id: int, **values: Any) -> None:
    connection.execute(
        update(comments).where(comments.c.id == comment_id).values(**values, updated_at=utcnow())
    )


def set_status(connection: Connection, comment_ids: list[int], status: str) -> int:
    """Moderation in bulk; returns how many comments changed."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {status!r}")
    result = connection.execute(
        update(comments).where(comments.c.id.in_(comment_ids)).values(status=status, updated_at=utcnow())
    )
    return result.rowcount


def queue(connection: Connection, hall_id: str | None, status: str, limit: int = 200) -> list[dict[str, Any]]:
    """Comments with one status, newest first, for the admin queue."""
    query = select(comments).where(comments.c.status == status)
    if hall_id:
        query = query.where(comments.c.hall_id == hall_id)
    return [
        dict(row._mapping) for row in connection.execute(query.order_by(comments.c.id.desc()).limit(limit))
    ]


def counts(connection: Connection, hall_id: str | None = None) -> dict[str, int]:
    query = select(comments.c.status, func.count()).group_by(comments.c.status)
    if hall_id:
        query = query.where(comments.c.hall_id == hall_id)
    found: dict[str, int] = dict(connection.execute(query).all())
    return {status: found.get(status, 0) for status in STATUSES}
