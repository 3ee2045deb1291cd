"""The visitors admitted each day, as salted daily hashes: how many new visitors one address has brought."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, delete, select

from hallbuilder.service.store import upsert
from hallbuilder.service.store.tables import visitor_days


def known(connection: Connection, day: date, visitor: str) -> bool:
    query = select(visitor_days.c.visitor).where(visitor_days.c.day == day, visitor_days.c.visitor == visitor)
    return connection.scalar(query) is not None


def admit(connection: Connection, day: date, visitor: str) -> bool:
    """Admit `visitor` for `day`; True if it is new (a concurrent admission of the same one waits for ours)."""
    statement = upsert(connection, visitor_days).values(day=day, visitor=visitor)
    inserted = connection.execute(statement.on_conflict_do_nothing().returning(visitor_days.c.day)).first()
    return inserted is not None


def refuse(connection: Connection, day: date, visitor: str) -> None:
    """Take back an admission made in this transaction (the address was out of new visitors)."""
    connection.execute(
        delete(visitor_days).where(visitor_days.c.day == day, visitor_days.c.visitor == visitor)
    )


def forget_before(connection: Connection, day: date) -> None:
    """Hashes are only compared within a day (and the day before, for duplicates); older ones are dropped."""
    connection.execute(delete(visitor_days).where(visitor_days.c.day < day))
