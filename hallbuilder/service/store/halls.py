"""Halls, their scenes and branches, as learnt from a tour.json."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select, update

from hallbuilder.service.store import upsert, utcnow
from hallbuilder.service.store.tables import branches, halls, scenes

MODERATION_MODES = ("pre", "post")


def register(connection: Connection, hall: dict[str, Any]) -> None:
    """Insert or refresh a hall from `hall_from_tour()` output; moderation settings are kept."""
    insert = upsert(connection, halls).values(
        id=hall["id"],
        title=hall["title"],
        tour_url=hall.get("tour_url", ""),
        moderation="pre",
        registered_at=utcnow(),
    )
    connection.execute(
        insert.on_conflict_do_update(
            index_elements=["id"], set_={"title": hall["title"], "tour_url": hall.get("tour_url", "")}
        )
    )
    for table, items in ((scenes, hall["scenes"]), (branches, hall["branches"])):
        ids = [item["id"] for item in items]
        connection.execute(delete(table).where(table.c.hall_id == hall["id"], table.c.id.not_in(ids)))
        for item in items:
            values = {key: value for key, value in item.items() if key != "id"}
            statement = upsert(connection, table).values(hall_id=hall["id"], **item)
            connection.execute(statement.on_conflict_do_update(index_elements=["hall_id", "id"], set_=values))


def get(connection: Connection, hall_id: str) -> dict[str, Any] | None:
    row = connection.execute(select(halls).where(halls.c.id == hall_id)).first()
    return dict(row._mapping) if row else None


def all_halls(connection: Connection) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in connection.execute(select(halls).order_by(halls.c.id))]


def scene_ids(connection: Connection, hall_id: str) -> list[str]:
    query = select(scenes.c.id).where(scenes.c.hall_id == hall_id).order_by(scenes.c.id)
    return list(connection.scalars(query))


def branch_ids(connection: Connection, hall_id: str) -> list[str]:
    query = select(branches.c.id).where(branches.c.hall_id == hall_id).order_by(branches.c.id)
    return list(connection.scalars(query))


def set_moderation(connection: Connection, hall_id: str, mode: str) -> None:
    if mode not in MODERATION_MODES:
        raise ValueError(f"moderation must be one of {MODERATION_MODES}, got {mode!r}")
    connection.execute(update(halls).where(halls.c.id == hall_id).values(moderation=mode))
