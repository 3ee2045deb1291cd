"""The daily salt of visitor hashes: one per UTC day, shared by all workers, kept 48 hours."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from sqlalchemy import Connection, delete, select

from hallbuilder.service.store import upsert
from hallbuilder.service.store.tables import salts


def for_day(connection: Connection, day: date) -> str:
    """The salt of `day`, made by whichever worker asks first."""
    statement = upsert(connection, salts).values(day=day, salt=secrets.token_hex(32))
    connection.execute(statement.on_conflict_do_nothing())
    connection.execute(delete(salts).where(salts.c.day < day - timedelta(days=1)))
    return connection.scalar(select(salts.c.salt).where(salts.c.day == day))


def existing(connection: Connection, day: date) -> str | None:
    return connection.scalar(select(salts.c.salt).where(salts.c.day == day))
