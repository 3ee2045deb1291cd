"""Wrong admin passwords, one row per key they count against (address, account or trusted browser)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, select

from hallbuilder.service.store import insert_id, utcnow
from hallbuilder.service.store.tables import login_failures


def lock(connection: Connection) -> None:
    """Serialise login checks until the end of the transaction (SQLite write transactions already are)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("LOCK TABLE login_failures IN SHARE ROW EXCLUSIVE MODE")


def record(connection: Connection, keys: list[str]) -> list[int]:
    """One failure per key, now; returns the new rows' ids."""
    now = utcnow()
    return [insert_id(connection, login_failures.insert().values(key=key, at=now)) for key in keys]


def forget(connection: Connection, failure_ids: list[int]) -> None:
    if failure_ids:
        connection.execute(delete(login_failures).where(login_failures.c.id.in_(failure_ids)))


def times(connection: Connection, key: str, since: datetime) -> list[datetime]:
    """When the failures of `key` since `since` happened, oldest first."""
    query = (
        select(login_failures.c.at)
        .where(login_failures.c.key == key, login_failures.c.at > since)
        .order_by(login_failures.c.at)
    )
    return list(connection.scalars(query))


def forget_before(connection: Connection, before: datetime) -> None:
    connection.execute(delete(login_failures).where(login_failures.c.at <= before))
