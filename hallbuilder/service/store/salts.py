"""The daily seed of the visitor salt: one per UTC day, shared by all workers, kept 48 hours.

A row is not the salt itself: the salt is HMAC(secret key, seed) (see guard/salting.py), so the database alone
cannot rebuild a visitor hash, and a deleted seed cannot be rebuilt at all.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from sqlalchemy import Connection, delete, select

from hallbuilder.service.store import upsert
from hallbuilder.service.store.tables import salts

KEEP_DAYS = 2  # today's and yesterday's: the 24-hour duplicate check spans midnight


def for_day(connection: Connection, day: date) -> str:
    """The seed of `day`, made by whichever worker asks first; older seeds are deleted on the way."""
    statement = upsert(connection, salts).values(day=day, salt=secrets.token_hex(32))
    connection.execute(statement.on_conflict_do_nothing())
    forget_before(connection, day - timedelta(days=KEEP_DAYS - 1))
    return connection.execute(select(salts.c.salt).where(salts.c.day == day)).scalar_one()


def existing(connection: Connection, day: date) -> str | None:
    return connection.scalar(select(salts.c.salt).where(salts.c.day == day))


def forget_before(connection: Connection, day: date) -> None:
    """Delete the seeds of the days before `day`: from then on nobody can rebuild those days' hashes."""
    connection.execute(delete(salts).where(salts.c.day < day))
