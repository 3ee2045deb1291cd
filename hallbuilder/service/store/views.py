"""Views (append-only, so concurrent workers never lose or double one) and showcase likes.

Scene views usually arrive in batches from viewbuffer.py (`record_batch_raw`); branch views one by one.

"Visitors" are daily unique visitors: distinct (day, visitor hash) pairs, summed over days.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from hallbuilder.service.store import upsert
from hallbuilder.service.store.tables import likes, views

INSERT_VIEW = views.insert()
COPY_VIEWS = "COPY views (hall_id, kind, target, day, visitor) FROM STDIN"
# One view written at once (HALLBUILDER_VIEW_FLUSH_MS=0), in each driver's parameter style (Database.raw_count).
RAW_INSERT_VIEW = {
    True: "INSERT INTO views (hall_id, kind, target, day, visitor) VALUES (?, ?, ?, ?, ?)",
    False: "INSERT INTO views (hall_id, kind, target, day, visitor) VALUES (%s, %s, %s, %s, %s)",
}


def record(connection: Connection, hall_id: str, kind: str, target: str, day: date, visitor: str) -> None:
    params = {"hall_id": hall_id, "kind": kind, "target": target, "day": day, "visitor": visitor}
    connection.execute(INSERT_VIEW, params)


def record_once(
    connection: Connection, hall_id: str, kind: str, target: str, day: date, visitor: str
) -> None:
    """`record()` unless this visitor already viewed the target today (counting is distinct anyway: two
    requests at the same instant may both store one)."""
    seen = select(views.c.id).where(
        views.c.hall_id == hall_id,
        views.c.kind == kind,
        views.c.target == target,
        views.c.day == day,
        views.c.visitor == visitor,
    )
    if connection.scalar(seen.limit(1)) is None:
        record(connection, hall_id, kind, target, day, visitor)


def record_raw(
    cursor, is_sqlite: bool, hall_id: str, kind: str, target: str, day: date, visitor: str
) -> None:
    """`record()` on a DB-API cursor; SQLite stores dates as ISO text, as SQLAlchemy's Date does."""
    stored_day = day.isoformat() if is_sqlite else day
    cursor.execute(RAW_INSERT_VIEW[is_sqlite], (hall_id, kind, target, stored_day, visitor))


def record_batch_raw(cursor, is_sqlite: bool, rows: Sequence[tuple[str, str, str, date, str]]) -> None:
    """Many `(hall_id, kind, target, day, visitor)` rows on a DB-API cursor, in the caller's transaction:
    one executemany on SQLite, one COPY on PostgreSQL (a third of the CPU of a multi-row INSERT, measured)."""
    if is_sqlite:
        cursor.executemany(RAW_INSERT_VIEW[True], [(*row[:3], row[3].isoformat(), row[4]) for row in rows])
        return
    with cursor.copy(COPY_VIEWS) as copy:
        for row in rows:
            copy.write_row(row)


def _where(hall_id: str, kind: str, since: date | None):
    conditions = [views.c.hall_id == hall_id, views.c.kind == kind]
    if since is not None:
        conditions.append(views.c.day >= since)
    return conditions


def totals(connection: Connection, hall_id: str, kind: str = "scene", since: date | None = None) -> dict:
    """`{"views": n, "visitors": n}` for the whole hall."""
    where = _where(hall_id, kind, since)
    count = connection.scalar(select(func.count()).select_from(views).where(*where))
    pairs = select(views.c.day, views.c.visitor).where(*where).distinct().subquery()
    visitors = connection.scalar(select(func.count()).select_from(pairs))
    return {"views": count or 0, "visitors": visitors or 0}


def by_target(connection: Connection, hall_id: str, kind: str = "scene", since: date | None = None) -> dict:
    """`{target: {"views": n, "visitors": n}}`."""
    where = _where(hall_id, kind, since)
    counts = connection.execute(
        select(views.c.target, func.count()).where(*where).group_by(views.c.target)
    ).all()
    triples = select(views.c.target, views.c.day, views.c.visitor).where(*where).distinct().subquery()
    uniques: dict[str, int] = dict(
        connection.execute(select(triples.c.target, func.count()).group_by(triples.c.target)).all()
    )
    return {target: {"views": n, "visitors": uniques.get(target, 0)} for target, n in counts}


def by_day(connection: Connection, hall_id: str, since: date | None = None) -> list[dict[str, Any]]:
    """`[{"day", "views", "visitors"}]` oldest first, scenes only."""
    where = _where(hall_id, "scene", since)
    counts = connection.execute(select(views.c.day, func.count()).where(*where).group_by(views.c.day)).all()
    pairs = select(views.c.day, views.c.visitor).where(*where).distinct().subquery()
    uniques: dict[date, int] = dict(
        connection.execute(select(pairs.c.day, func.count()).group_by(pairs.c.day)).all()
    )
    return [{"day": day, "views": n, "visitors": uniques.get(day, 0)} for day, n in sorted(counts)]


def like(connection: Connection, hall_id: str, branch: str, day: date, visitor: str) -> tuple[int, bool]:
    """Record one like per visitor per day; return the branch's total and whether this one was counted
    (False: the visitor had already liked the branch today, and nothing changed)."""
    statement = upsert(connection, likes).values(hall_id=hall_id, branch=branch, day=day, visitor=visitor)
    inserted = connection.execute(statement.on_conflict_do_nothing().returning(likes.c.day)).first()
    added = inserted is not None  # RETURNING, as rowcount is -1 through psycopg
    return like_counts(connection, hall_id).get(branch, 0), added


def like_counts(connection: Connection, hall_id: str) -> dict[str, int]:
    query = select(likes.c.branch, func.count()).where(likes.c.hall_id == hall_id).group_by(likes.c.branch)
    return dict(connection.execute(query).all())
