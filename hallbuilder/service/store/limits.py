"""Fixed-window counters in the database, so a limit holds across worker processes and hosts."""

from __future__ import annotations

from sqlalchemy import Connection, delete

from hallbuilder.service.store import upsert
from hallbuilder.service.store.tables import rate_hits


def hit(connection: Connection, key: str, window: int) -> int:
    """Count one hit for `key` in the window starting at `window` (epoch seconds); return the hits so far."""
    statement = upsert(connection, rate_hits).values(key=key, window=window, hits=1)
    statement = statement.on_conflict_do_update(
        index_elements=["key", "window"], set_={"hits": rate_hits.c.hits + 1}
    ).returning(rate_hits.c.hits)
    return connection.execute(statement).scalar_one()


def prune(connection: Connection, before: int) -> None:
    """Forget windows that started before `before`."""
    connection.execute(delete(rate_hits).where(rate_hits.c.window < before))
